package io.certrotator.results;

import java.util.List;

/** A row still to be rotated, as the rotate step reads it back from the results table. */
public record PendingRow(long line, String zoneId, String host, String mode, List<String> certIds, String targetKey,
                         int attempts) {
}
