package io.certrotator.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An SSL certificate EdgeOne can deploy: its names (SANs, {@code *.example.com} wildcards allowed) and expiry.
 * A wildcard covers exactly one label: {@code *.example.com} covers {@code a.example.com},
 * not {@code example.com} nor {@code a.b.example.com}.
 */
public record Certificate(String certId, Set<String> names, Instant notAfter) {
    public Certificate {
        names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean covers(String host) {
        if (names.contains(host)) {
            return true;
        }
        int dot = host.indexOf('.');
        return dot > 0 && !host.startsWith("*.") && names.contains("*" + host.substring(dot));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(notAfter);
    }
}
