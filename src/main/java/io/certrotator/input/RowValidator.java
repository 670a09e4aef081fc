package io.certrotator.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks one CSV row must pass on its own. Every problem of a row is reported, joined by {@code "; "},
 * so the user can fix them in one go. Conflicts between rows (the same zone and host twice with different
 * targets) need all rows and are checked by the job.
 *
 * <p>Rules: the zone ID is {@code zone-} followed by letters and digits; the host is a DNS name
 * ({@link HostNormalizer}); the mode is one of {@link CertMode} (case-insensitive, empty means
 * {@code sslcert}); certificate IDs are separated by {@code ;}, blanks around them and empty entries are
 * dropped, a repeated ID is kept once, each ID is letters, digits, {@code -} and {@code _}; {@code sslcert}
 * needs at least one and every other mode none. No cell holds a control character (tab around a value is
 * blank). A message quotes a value with {@link Printable#quoted}, never as is.
 */
public final class RowValidator {

    private static final String ZONE_ID_PREFIX = "zone-";

    private RowValidator() {
    }

    /** Normalizes and checks a row's cells as written. */
    public static RotationRow validate(CsvRow raw) {
        long line = raw.line();
        String rawZoneId = raw.zoneId();
        String rawHost = raw.host();
        String rawMode = raw.mode();
        String rawCertIds = raw.certIds();
        List<String> problems = new ArrayList<>(0);

        String zoneId = rawZoneId.trim();
        if (hasControl(CsvColumns.ZONE_ID, rawZoneId, problems)) {
            zoneId = rawZoneId;
        } else if (zoneId.isEmpty()) {
            problems.add("zone ID is empty");
        } else if (!isZoneId(zoneId)) {
            problems.add("invalid zone ID " + Printable.quoted(zoneId));
        }

        String host = rawHost.trim();
        if (hasControl(CsvColumns.HOST, rawHost, problems)) {
            host = rawHost;
        } else if (host.isEmpty()) {
            problems.add("host is empty");
        } else {
            HostNormalizer.Result normalized = HostNormalizer.check(host);
            if (normalized.valid()) {
                host = normalized.name();
            } else {
                problems.add("host " + Printable.quoted(host) + " " + normalized.problem());
            }
        }

        // Certificate IDs with a control character stay as written, and the checks that need them split are moot
        boolean certIdsControl = hasControl(CsvColumns.CERT_IDS, rawCertIds, problems);
        List<String> certIds = certIdsControl ? List.of(rawCertIds) : splitCertIds(rawCertIds);
        if (!certIdsControl) {
            for (String certId : certIds) {
                if (!isCertId(certId)) {
                    problems.add("invalid certificate ID " + Printable.quoted(certId));
                }
            }
        }

        String mode = rawMode.trim();
        Optional<CertMode> certMode = mode.isEmpty() ? Optional.of(CertMode.SSLCERT) : CertMode.fromApiValue(mode);
        if (hasControl(CsvColumns.MODE, rawMode, problems)) {
            mode = rawMode;
        } else if (certMode.isEmpty()) {
            problems.add("unknown mode " + Printable.quoted(mode));
        } else {
            mode = certMode.get().apiValue();
            if (!certIdsControl && certMode.get().requiresCertIds() && certIds.isEmpty()) {
                problems.add("mode " + mode + " needs at least one certificate ID");
            } else if (!certIdsControl && !certMode.get().requiresCertIds() && !certIds.isEmpty()) {
                problems.add("mode " + mode + " takes no certificate IDs, got "
                        + Printable.quoted(String.join(";", certIds)));
            }
        }

        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        return new RotationRow(line, zoneId, host, mode, certIds, problem);
    }

    /**
     * A cell may hold no control character (C0 but tab, DEL, C1) and no bidi control: they can hide or
     * reorder what a name looks like, and no zone ID, host, mode or certificate ID has one. Adds the problem
     * when the cell has one; the cell's other checks are then moot.
     */
    private static boolean hasControl(String column, String cell, List<String> problems) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (isForbidden(c)) {
                problems.add(column + " " + Printable.quoted(cell) + " holds control character "
                        + String.format("U+%04X", (int) c) + " at position " + (i + 1));
                return true;
            }
        }
        return false;
    }

    private static boolean isForbidden(char c) {
        return (c < ' ' && c != '\t') || (c >= '\u007F' && c <= '\u009F')
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static List<String> splitCertIds(String raw) {
        List<String> ids = new ArrayList<>(2);
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf(';', start);
            if (end < 0) {
                end = raw.length();
            }
            String id = raw.substring(start, end).trim();
            if (!id.isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
            start = end + 1;
        }
        return ids;
    }

    // The checks below are plain loops rather than regular expressions: they run for every row of files
    // with a million rows, and a loop is several times faster.

    /** {@code zone-[A-Za-z0-9]+} */
    private static boolean isZoneId(String text) {
        if (!text.startsWith(ZONE_ID_PREFIX) || text.length() == ZONE_ID_PREFIX.length()) {
            return false;
        }
        for (int i = ZONE_ID_PREFIX.length(); i < text.length(); i++) {
            if (!isAsciiLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9_-]+} */
    private static boolean isCertId(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
