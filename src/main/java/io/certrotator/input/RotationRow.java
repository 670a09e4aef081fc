package io.certrotator.input;

import java.util.List;

/**
 * One data row of the rotation CSV, already normalized and validated.
 *
 * <p>Each value is the normalized form when normalization succeeded, otherwise the text the user wrote,
 * so that a report shows what was in the file. {@code mode} is the API value ({@code sslcert}, ...).
 *
 * @param line    the physical line in the file where the row starts (the header being line 1)
 * @param problem {@code null} for a valid row, otherwise a short human reason
 */
public record RotationRow(long line, String zoneId, String host, String mode, List<String> certIds, String problem) {

    public RotationRow {
        certIds = List.copyOf(certIds);
    }

    public boolean valid() {
        return problem == null;
    }

    /** The certificate IDs as written in the CSV and the report: joined by {@code ;}. */
    public String certIdsText() {
        // most rows name one certificate, and this runs for every row of a million-row input more than once
        return certIds.size() == 1 ? certIds.get(0) : String.join(";", certIds);
    }

    /** What a valid row asks for, the same whatever the order of its certificate IDs (EdgeOne keeps a set). */
    public Target target() {
        return new Target(CertMode.fromApiValue(mode)
                .orElseThrow(() -> new IllegalStateException("line " + line + " is invalid")), certIds);
    }

    public RotationRow withProblem(String problem) {
        return new RotationRow(line, zoneId, host, mode, certIds, problem);
    }

    /** The compiler-like message for an invalid row, e.g. {@code line 7: unknown mode "sslcertt"}. */
    public String problemMessage() {
        if (valid()) {
            throw new IllegalStateException("line " + line + " is valid");
        }
        return "line " + line + ": " + problem;
    }
}
