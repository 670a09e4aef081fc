package io.certrotator.simulator;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/** Host normalization as the rotation CSV defines it: trim, lower-case, no trailing dot, punycode. */
final class HostNames {
    private HostNames() {
    }

    static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String host = raw.trim().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
