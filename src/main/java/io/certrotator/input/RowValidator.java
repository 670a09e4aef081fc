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
 * needs at least one and every other mode none.
 */
public final class RowValidator {

    private static final String ZONE_ID_PREFIX = "zone-";

    private RowValidator() {
    }

    /** Normalizes and checks the raw field texts of the row that starts at {@code line}. */
    public static RotationRow validate(long line, String rawZoneId, String rawHost, String rawMode, String rawCertIds) {
        List<String> problems = new ArrayList<>(0);

        String zoneId = rawZoneId.trim();
        if (zoneId.isEmpty()) {
            problems.add("zone ID is empty");
        } else if (!isZoneId(zoneId)) {
            problems.add("invalid zone ID \"" + zoneId + "\"");
        }

        String host = rawHost.trim();
        if (host.isEmpty()) {
            problems.add("host is empty");
        } else {
            Optional<String> normalized = HostNormalizer.normalize(host);
            if (normalized.isPresent()) {
                host = normalized.get();
            } else {
                problems.add("host \"" + host + "\" is not a valid DNS name");
            }
        }

        List<String> certIds = splitCertIds(rawCertIds);
        for (String certId : certIds) {
            if (!isCertId(certId)) {
                problems.add("invalid certificate ID \"" + certId + "\"");
            }
        }

        String mode = rawMode.trim();
        Optional<CertMode> certMode = mode.isEmpty() ? Optional.of(CertMode.SSLCERT) : CertMode.fromApiValue(mode);
        if (certMode.isEmpty()) {
            problems.add("unknown mode \"" + mode + "\"");
        } else {
            mode = certMode.get().apiValue();
            if (certMode.get().requiresCertIds() && certIds.isEmpty()) {
                problems.add("mode " + mode + " needs at least one certificate ID");
            } else if (!certMode.get().requiresCertIds() && !certIds.isEmpty()) {
                problems.add("mode " + mode + " takes no certificate IDs, got \"" + String.join(";", certIds) + "\"");
            }
        }

        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        return new RotationRow(line, zoneId, host, mode, certIds, problem);
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
