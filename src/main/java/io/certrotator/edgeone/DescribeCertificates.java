package io.certrotator.edgeone;

import java.util.Map;

/** One DescribeCertificates request of the SSL certificate service: a page of the account's certificates. */
public record DescribeCertificates(int offset) {

    public static final String ACTION = "DescribeCertificates";
    public static final int MAX_LIMIT = 1000;

    public Map<String, Object> parameters() {
        return Map.of("Offset", offset, "Limit", MAX_LIMIT);
    }
}
