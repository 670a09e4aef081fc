package io.certrotator.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNormalizerTest {

    @Test
    void lowerCasesTheName() {
        assertThat(HostNormalizer.normalize("WWW.Example.COM")).contains("www.example.com");
    }

    @Test
    void removesOneTrailingDot() {
        assertThat(HostNormalizer.normalize("www.example.com.")).contains("www.example.com");
    }

    @Test
    void rejectsTwoTrailingDots() {
        assertThat(HostNormalizer.normalize("www.example.com..")).isEmpty();
    }

    @Test
    void trimsSurroundingSpaces() {
        assertThat(HostNormalizer.normalize("  www.example.com \t")).contains("www.example.com");
    }

    @Test
    void stripsLeftoverSingleQuotes() {
        assertThat(HostNormalizer.normalize("'abc.com'")).contains("abc.com");
    }

    @Test
    void stripsLeftoverDoubleQuotesAndTheSpacesInside() {
        assertThat(HostNormalizer.normalize("\" abc.com \"")).contains("abc.com");
    }

    @Test
    void keepsAnUnbalancedQuoteAndRejectsIt() {
        assertThat(HostNormalizer.normalize("'abc.com")).isEmpty();
    }

    @Test
    void convertsAnInternationalNameToPunycode() {
        assertThat(HostNormalizer.normalize("bücher.example")).contains("xn--bcher-kva.example");
    }

    @Test
    void lowerCasesAnInternationalNameBeforeConverting() {
        assertThat(HostNormalizer.normalize("BÜCHER.Example.")).contains("xn--bcher-kva.example");
    }

    @Test
    void convertsAnInternationalTopLevelLabel() {
        assertThat(HostNormalizer.normalize("例子.测试")).contains("xn--fsqu00a.xn--0zwm56d");
    }

    @Test
    void acceptsAWildcardAsTheFirstLabel() {
        assertThat(HostNormalizer.normalize("*.Example.com")).contains("*.example.com");
    }

    @Test
    void acceptsAWildcardOverAnInternationalName() {
        assertThat(HostNormalizer.normalize("*.bücher.example")).contains("*.xn--bcher-kva.example");
    }

    @Test
    void acceptsAPunycodeNameAsWritten() {
        assertThat(HostNormalizer.normalize("xn--bcher-kva.example")).contains("xn--bcher-kva.example");
    }

    @Test
    void acceptsDigitsAndHyphensInsideLabels() {
        assertThat(HostNormalizer.normalize("api-2.eu-west.example.com")).contains("api-2.eu-west.example.com");
    }

    @Test
    void acceptsALabelOf63Characters() {
        String label = "a".repeat(63);
        assertThat(HostNormalizer.normalize(label + ".com")).contains(label + ".com");
    }

    @Test
    void rejectsALabelOf64Characters() {
        assertThat(HostNormalizer.normalize("a".repeat(64) + ".com")).isEmpty();
    }

    @Test
    void acceptsANameOf253Characters() {
        String name = ("a".repeat(62) + ".").repeat(4) + "a";
        assertThat(name).hasSize(253);
        assertThat(HostNormalizer.normalize(name)).contains(name);
    }

    @Test
    void rejectsANameOf254Characters() {
        String name = ("a".repeat(62) + ".").repeat(4) + "ab";
        assertThat(HostNormalizer.normalize(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "com", "localhost", "*.com", "a..b.com", ".a.com", "-a.com", "a-.com", "a.b-.com",
            "a_b.com", "a b.com", "a.*.com", "*example.com", "**.a.com", "*", "*.", "a.com/path",
            "https://a.com", "192.168.1.1", "a.123", "a.com:443", "bü cher.example"})
    void rejectsInvalidDnsNames(String host) {
        assertThat(HostNormalizer.normalize(host)).isEmpty();
    }

    @Test
    void keepsSharpSUnderNonTransitionalProcessing() {
        assertThat(HostNormalizer.normalize("straße.de")).contains("xn--strae-oqa.de");
    }

    @Test
    void keepsFinalSigmaUnderNonTransitionalProcessing() {
        assertThat(HostNormalizer.normalize("βόλος.com")).contains("xn--nxasmm1c.com");
    }

    @Test
    void mapsAFullWidthDotToADot() {
        assertThat(HostNormalizer.normalize("bücher\u3002example")).contains("xn--bcher-kva.example");
    }

    @Test
    void namesTheBidiErrorOfALabelMixingDirections() {
        assertThat(HostNormalizer.check("\u05D0a.example").problem())
                .isEqualTo("is not a valid international name (UTS #46: BIDI)");
    }

    @Test
    void namesTheContextjErrorOfAJoinerOutOfPlace() {
        assertThat(HostNormalizer.check("a\u200Db.example").problem())
                .isEqualTo("is not a valid international name (UTS #46: CONTEXTJ)");
    }

    @Test
    void rejectsAPunycodeLabelThatDoesNotDecode() {
        assertThat(HostNormalizer.check("xn--a.example").problem()).startsWith("is not a valid international name");
    }

    @Test
    void givesTheDnsReasonForAnAsciiName() {
        assertThat(HostNormalizer.check("a..b.com").problem()).isEqualTo("is not a valid DNS name");
    }

    @Test
    void theUnicodeFormOfANameAndOfItsPunycodeIsOne() {
        assertThat(HostNormalizer.unicodeForm("xn--strae-oqa.A.example.com")).isEqualTo("straße.a.example.com");
        assertThat(HostNormalizer.unicodeForm("STRAẞE.a.example.com")).isEqualTo("straße.a.example.com");
        assertThat(HostNormalizer.unicodeForm("*.Bücher.de")).isEqualTo("*.bücher.de");
        assertThat(HostNormalizer.unicodeForm("xn--*.de")).as("a label UTS #46 refuses").isEqualTo("xn--*.de");
    }
}
