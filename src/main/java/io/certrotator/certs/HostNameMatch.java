package io.certrotator.certs;

import java.util.Locale;

/**
 * Whether a certificate name covers a host, as a TLS client checks it (RFC 6125): letter case does not count,
 * and a wildcard {@code *.example.com} stands for exactly one whole left-most label, so it covers
 * {@code www.example.com} but neither {@code example.com} nor {@code a.b.example.com}. Both names are expected
 * in ASCII (an international name already in its {@code xn--} form).
 */
public final class HostNameMatch {

    private HostNameMatch() {
    }

    public static boolean covers(String certificateName, String host) {
        String name = withoutTrailingDot(certificateName.toLowerCase(Locale.ROOT));
        String target = withoutTrailingDot(host.toLowerCase(Locale.ROOT));
        if (!name.startsWith("*.")) {
            return name.equals(target);
        }
        int firstDot = target.indexOf('.');
        return firstDot > 0 && target.substring(firstDot).equals(name.substring(1));
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
