package io.certrotator.results;

import io.certrotator.input.CertMode;
import io.certrotator.input.Target;

import java.util.List;

/**
 * A row still to be rotated, as the rotate step reads it back from the results table.
 *
 * @param certIds    as the row wrote them: the order the call sends them in
 * @param acceptedBy the request ID of a call the API accepted for the row, whose host was not read back before the
 *                   run stopped; null when no call of the row was accepted
 */
public record PendingRow(long line, String zoneId, String host, String mode, List<String> certIds, int attempts,
                         String acceptedBy) {

    /** A row no call has been accepted for. */
    public PendingRow(long line, String zoneId, String host, String mode, List<String> certIds, int attempts) {
        this(line, zoneId, host, mode, certIds, attempts, null);
    }

    /** What the row asks for (a pending row is valid, so its mode is known). */
    public Target target() {
        return new Target(CertMode.fromApiValue(mode).orElseThrow(), certIds);
    }
}
