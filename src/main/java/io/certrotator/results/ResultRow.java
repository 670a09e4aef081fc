package io.certrotator.results;

import java.time.Instant;

/**
 * One line of the report, in the contract's column order; {@code previousMode} and {@code previousCertIds} are what
 * the live read found on the host (null when the host was not read).
 */
public record ResultRow(long line, String zoneId, String host, String mode, String certIds, RowStatus status,
                        String errorCode, String errorMessage, String requestId, int attempts, Instant updatedAt,
                        String previousMode, String previousCertIds) {

    /** A row whose host was not read (a plan, an INVALID row). */
    public ResultRow(long line, String zoneId, String host, String mode, String certIds, RowStatus status,
                     String errorCode, String errorMessage, String requestId, int attempts, Instant updatedAt) {
        this(line, zoneId, host, mode, certIds, status, errorCode, errorMessage, requestId, attempts, updatedAt,
                null, null);
    }
}
