package io.certrotator.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An SSL certificate EdgeOne can deploy: its names (CN first, then the SANs; {@code *.example.com} wildcards allowed),
 * validity, key algorithm ({@code RSA 2048}, {@code ECC 256}), alias and SSL-service status ({@code 1} issued,
 * {@code 3} expired, ...). A wildcard covers exactly one label: {@code *.example.com} covers {@code a.example.com},
 * not {@code example.com} nor {@code a.b.example.com}.
 */
public record Certificate(String certId, Set<String> names, Instant notBefore, Instant notAfter, String algorithm,
                          String alias, int status) {
    public static final String DEFAULT_ALGORITHM = "RSA 2048";
    /** The SSL service's status of an issued certificate ("已通过"). */
    public static final int ISSUED = 1;
    public static final Instant DEFAULT_NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    private static final DateTimeFormatter OFFSET_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    public Certificate {
        names = Collections.unmodifiableSet(names.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)));
    }

    /** An issued RSA 2048 certificate without an alias, valid from 2020 on. */
    public Certificate(String certId, Set<String> names, Instant notAfter) {
        this(certId, names, DEFAULT_NOT_BEFORE, notAfter, DEFAULT_ALGORITHM, "", ISSUED);
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

    /**
     * {@code ExpireTime} as DescribeAccelerationDomains shows it: ISO-8601 in UTC, with {@code Z} for some certificates
     * and {@code +00:00} for others (decided by the ID, so that a few certificates exercise both forms).
     */
    public String expireTimeText() {
        return Math.floorMod(certId.hashCode(), 2) == 0 ? notAfter.toString() : OFFSET_FORM.format(notAfter);
    }
}
