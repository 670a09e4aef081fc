package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateTest {
    private final Certificate wildcard = new Certificate("c", Set.of("*.Example.com", "example.org"), Instant.MAX);

    @Test
    void wildcardCoversExactlyOneLabel() {
        assertThat(wildcard.covers("a.example.com")).isTrue();
        assertThat(wildcard.covers("example.com")).isFalse();
        assertThat(wildcard.covers("a.b.example.com")).isFalse();
    }

    @Test
    void coversItsExactNamesAndAWildcardHostByTheSameWildcard() {
        assertThat(wildcard.covers("example.org")).isTrue();
        assertThat(wildcard.covers("www.example.org")).isFalse();
        assertThat(wildcard.covers("*.example.com")).isTrue();
    }

    @Test
    void expiresAtItsNotAfterInstant() {
        Certificate cert = new Certificate("c", Set.of("a"), Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(cert.isExpiredAt(Instant.parse("2029-12-31T23:59:59Z"))).isFalse();
        assertThat(cert.isExpiredAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    }
}
