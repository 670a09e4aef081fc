package io.certrotator.input;

import java.util.Collection;
import java.util.List;

/**
 * What a row asks for, or what a host carries: a mode and its certificate IDs, sorted and each once, since EdgeOne
 * keeps a set. Two targets are equal when they would leave a host the same.
 */
public record Target(CertMode mode, List<String> certIds) {

    private static final char MODE_END = '|';
    private static final String CERT_ID_SEPARATOR = ";";

    public Target {
        // most targets name one certificate, and this runs for every row of a million-row input: skip the stream
        certIds = certIds.size() < 2 ? List.copyOf(certIds) : certIds.stream().sorted().distinct().toList();
    }

    public static Target of(CertMode mode, Collection<String> certIds) {
        return new Target(mode, List.copyOf(certIds));
    }

    /**
     * The one text form, {@code sslcert|cert-a;cert-b}: the results table's TARGET_KEY column (which orders rows into
     * groups and finds hosts listed with different targets) and compact keys held without an object each.
     */
    public String text() {
        String joined = certIds.size() == 1 ? certIds.get(0) : String.join(CERT_ID_SEPARATOR, certIds);
        return mode.apiValue() + MODE_END + joined;
    }

    /** The target whose {@link #text()} this is. */
    public static Target parse(String text) {
        int modeEnd = text.indexOf(MODE_END);
        CertMode mode = modeEnd < 0 ? null : CertMode.fromApiValue(text.substring(0, modeEnd)).orElse(null);
        if (mode == null) {
            throw new IllegalArgumentException("not a target: " + Printable.quoted(text));
        }
        String certIds = text.substring(modeEnd + 1);
        return new Target(mode, certIds.isEmpty() ? List.of() : List.of(certIds.split(CERT_ID_SEPARATOR)));
    }
}
