package io.certrotator.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The certificate modes ModifyHostsCertificate accepts, as written in the CSV and sent to the API. */
public enum CertMode {
    SSLCERT("sslcert"),
    EOFREECERT("eofreecert"),
    EOFREECERT_MANUAL("eofreecert_manual"),
    DISABLE("disable");

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

    public static Optional<CertMode> fromApiValue(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.apiValue.equals(wanted)).findFirst();
    }
}
