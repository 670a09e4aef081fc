package io.certrotator.certs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNameMatchTest {

    @Test
    void aNameCoversTheSameHost() {
        assertThat(HostNameMatch.covers("www.example.com", "www.example.com")).isTrue();
    }

    @Test
    void aNameDoesNotCoverAnotherHost() {
        assertThat(HostNameMatch.covers("www.example.com", "api.example.com")).isFalse();
    }

    @Test
    void letterCaseDoesNotCount() {
        assertThat(HostNameMatch.covers("WWW.Example.com", "www.EXAMPLE.com")).isTrue();
    }

    @Test
    void aTrailingDotDoesNotCount() {
        assertThat(HostNameMatch.covers("www.example.com", "www.example.com.")).isTrue();
    }

    @Test
    void aWildcardCoversOneLabel() {
        assertThat(HostNameMatch.covers("*.example.com", "www.example.com")).isTrue();
    }

    @Test
    void aWildcardDoesNotCoverTheParentDomain() {
        assertThat(HostNameMatch.covers("*.example.com", "example.com")).isFalse();
    }

    @Test
    void aWildcardDoesNotCoverTwoLabels() {
        assertThat(HostNameMatch.covers("*.example.com", "a.b.example.com")).isFalse();
    }

    @Test
    void aWildcardIgnoresLetterCase() {
        assertThat(HostNameMatch.covers("*.Example.COM", "WWW.example.com")).isTrue();
    }

    @Test
    void aWildcardCoversTheSameWildcardHost() {
        assertThat(HostNameMatch.covers("*.example.com", "*.example.com")).isTrue();
    }

    @Test
    void aPlainNameDoesNotCoverAWildcardHost() {
        assertThat(HostNameMatch.covers("www.example.com", "*.example.com")).isFalse();
    }

    @Test
    void aWildcardInsideALabelIsNotAWildcard() {
        assertThat(HostNameMatch.covers("w*.example.com", "www.example.com")).isFalse();
    }

    @Test
    void aPunycodeNameCoversTheSamePunycodeHost() {
        assertThat(HostNameMatch.covers("*.xn--bcher-kva.example", "www.xn--bcher-kva.example")).isTrue();
    }
}
