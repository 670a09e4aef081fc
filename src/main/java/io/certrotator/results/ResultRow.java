package io.certrotator.results;

import java.time.Instant;

/** One line of the report, in the contract's column order. */
public record ResultRow(long line, String zoneId, String host, String mode, String certIds, RowStatus status,
                        String errorCode, String errorMessage, String requestId, int attempts, Instant updatedAt) {
}
