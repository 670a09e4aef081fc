package io.certrotator.results;

import io.certrotator.input.CertMode;
import io.certrotator.input.Target;

import java.util.List;

/**
 * A row still to be rotated, as the rotate step reads it back from the results table.
 *
 * @param certIds as the row wrote them: the order the call sends them in
 */
public record PendingRow(long line, String zoneId, String host, String mode, List<String> certIds, int attempts) {

    /** What the row asks for (a pending row is valid, so its mode is known). */
    public Target target() {
        return new Target(CertMode.fromApiValue(mode).orElseThrow(), certIds);
    }
}
