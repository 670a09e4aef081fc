package io.certrotator.input;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

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

    private static final Pattern ZONE_ID = Pattern.compile("zone-[A-Za-z0-9]+");
    private static final Pattern CERT_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private RowValidator() {
    }

    /** Normalizes and checks the raw field texts of the row that starts at {@code line}. */
    public static RotationRow validate(long line, String rawZoneId, String rawHost, String rawMode, String rawCertIds) {
        StringJoiner problems = new StringJoiner("; ");

        String zoneId = rawZoneId.trim();
        if (zoneId.isEmpty()) {
            problems.add("zone ID is empty");
        } else if (!ZONE_ID.matcher(zoneId).matches()) {
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
            if (!CERT_ID.matcher(certId).matches()) {
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

        String problem = problems.length() == 0 ? null : problems.toString();
        return new RotationRow(line, zoneId, host, mode, certIds, problem);
    }

    private static List<String> splitCertIds(String raw) {
        if (raw.isBlank()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : raw.split(";")) {
            String id = part.trim();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
