package io.certrotator.edgeone;

import java.util.Locale;

/**
 * Which of Tencent Cloud's two API sites the account lives on: the China site ({@code teo.tencentcloudapi.com},
 * {@code ssl.tencentcloudapi.com}) or the international one ({@code teo.intl.tencentcloudapi.com},
 * {@code ssl.intl.tencentcloudapi.com}).
 */
public enum ApiSite {
    CN("tencentcloudapi.com"),
    INTL("intl.tencentcloudapi.com");

    private final String domain;

    ApiSite(String domain) {
        this.domain = domain;
    }

    /** {@code cn} or {@code intl}, in any letter case. */
    public static ApiSite parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--site: expected cn or intl, got " + text);
        }
    }

    /** The EdgeOne endpoint of this site; {@link EdgeOneEndpoint#forService} gives the other services'. */
    public EdgeOneEndpoint endpoint() {
        return EdgeOneEndpoint.parse("https://" + ApiService.TEO.name() + "." + domain);
    }
}
