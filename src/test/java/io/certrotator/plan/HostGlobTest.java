package io.certrotator.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostGlobTest {

    @Test
    void starMatchesAnyRunOfCharactersDotsIncluded() {
        assertThat(new HostGlob("*.example.com").matches("a.b.example.com")).isTrue();
        assertThat(new HostGlob("*.example.com").matches("example.com")).isFalse();
        assertThat(new HostGlob("*").matches("anything.at.all")).isTrue();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(new HostGlob("www?.example.com").matches("www1.example.com")).isTrue();
        assertThat(new HostGlob("www?.example.com").matches("www.example.com")).isFalse();
    }

    @Test
    void letterCaseDoesNotCount() {
        assertThat(new HostGlob("WWW.Example.COM").matches("www.example.com")).isTrue();
    }

    @Test
    void otherCharactersStandForThemselves() {
        assertThat(new HostGlob("a.com").matches("abcom")).isFalse();
        assertThat(new HostGlob("a+b.com").matches("a+b.com")).isTrue();
    }

    @Test
    void anInternationalNameSelectsItsPunycodeHost() {
        assertThat(new HostGlob("straße.a.example.com").matches("xn--strae-oqa.a.example.com")).isTrue();
        assertThat(new HostGlob("STRAẞE.a.example.com").matches("xn--strae-oqa.a.example.com")).isTrue();
        assertThat(new HostGlob("strasse.a.example.com").matches("xn--strae-oqa.a.example.com"))
                .as("non-transitional, as the CSV: ß is not ss").isFalse();
    }

    @Test
    void wildcardsMatchInsideAndAroundInternationalLabels() {
        assertThat(new HostGlob("*.bücher.de").matches("www.xn--bcher-kva.de")).isTrue();
        assertThat(new HostGlob("b?cher.*").matches("xn--bcher-kva.de")).isTrue();
        assertThat(new HostGlob("straß*").matches("xn--strae-oqa.a.example.com")).isTrue();
        assertThat(new HostGlob("straß*").matches("strasse.a.example.com")).isFalse();
    }

    @Test
    void aPunycodePatternStillMatchesAsWritten() {
        assertThat(new HostGlob("xn--strae-oqa.a.example.com").matches("xn--strae-oqa.a.example.com")).isTrue();
        assertThat(new HostGlob("xn--*").matches("xn--strae-oqa.a.example.com")).isTrue();
        assertThat(new HostGlob("xn--strae-oqa.*").matches("xn--strae-oqa.a.example.com")).isTrue();
    }
}
