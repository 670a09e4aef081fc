package io.certrotator.input;

import java.util.Locale;
import java.util.Optional;

/** The certificate modes ModifyHostsCertificate accepts, as written in the CSV and sent to the API. */
public enum CertMode {
    SSLCERT("sslcert"),
    EOFREECERT("eofreecert"),
    EOFREECERT_MANUAL("eofreecert_manual"),
    DISABLE("disable");

    private static final CertMode[] ALL = values();

    private final String apiValue;

    CertMode(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** Only {@code sslcert} names certificates; every other mode must come without them. */
    public boolean requiresCertIds() {
        return this == SSLCERT;
    }

    /** Case-insensitive, surrounding blanks ignored. */
    public static Optional<CertMode> fromApiValue(String text) {
        // Loops over a cached array: this runs for every row, and values() copies the array each time. The API's own
        // spelling, the common case, is tried first, so that it costs no trimmed or lower-cased copy
        for (CertMode mode : ALL) {
            if (mode.apiValue.equals(text)) {
                return Optional.of(mode);
            }
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (CertMode mode : ALL) {
            if (mode.apiValue.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
