package io.certrotator.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTest {

    private static RotationRow validate(String zoneId, String host, String mode, String certIds) {
        return RowValidator.validate(new CsvRow(7, zoneId, host, mode, certIds));
    }

    @Test
    void acceptsAnSslcertRowAndKeepsItsLine() {
        RotationRow row = validate("zone-2fgd17m17xw", "abc.test.com", "sslcert", "cert-244ffgv7m17xw");

        assertThat(row).isEqualTo(new RotationRow(7, "zone-2fgd17m17xw", "abc.test.com", "sslcert",
                java.util.List.of("cert-244ffgv7m17xw"), null));
        assertThat(row.valid()).isTrue();
    }

    @Test
    void treatsAnEmptyModeAsSslcert() {
        assertThat(validate("zone-a1", "a.com", "  ", "cert-1").mode()).isEqualTo("sslcert");
    }

    @Test
    void readsTheModeCaseInsensitivelyAndTrimmed() {
        RotationRow row = validate("zone-a1", "a.com", " EOFreeCert_Manual ", "");

        assertThat(row.valid()).isTrue();
        assertThat(row.mode()).isEqualTo("eofreecert_manual");
    }

    @Test
    void acceptsEveryModeWithoutCertificateIdsButSslcert() {
        assertThat(validate("zone-a1", "a.com", "eofreecert", "").valid()).isTrue();
        assertThat(validate("zone-a1", "a.com", "eofreecert_manual", "").valid()).isTrue();
        assertThat(validate("zone-a1", "a.com", "disable", "").valid()).isTrue();
    }

    @Test
    void splitsCertificateIdsOnSemicolonsAndTrimsThem() {
        RotationRow row = validate("zone-a1", "a.com", "sslcert", " cert-rsa1 ; cert-ecc1 ;");

        assertThat(row.certIds()).containsExactly("cert-rsa1", "cert-ecc1");
        assertThat(row.certIdsText()).isEqualTo("cert-rsa1;cert-ecc1");
    }

    @Test
    void keepsARepeatedCertificateIdOnce() {
        assertThat(validate("zone-a1", "a.com", "", "cert-1;cert-2;cert-1").certIds())
                .containsExactly("cert-1", "cert-2");
    }

    @Test
    void trimsTheZoneId() {
        assertThat(validate(" zone-a1 ", "a.com", "", "cert-1").zoneId()).isEqualTo("zone-a1");
    }

    @Test
    void normalizesTheHost() {
        assertThat(validate("zone-a1", " Bücher.Example. ", "", "cert-1").host()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void rejectsAnUnknownModeAndKeepsWhatTheUserWrote() {
        RotationRow row = validate("zone-a1", "a.com", " sslcertt ", "cert-1");

        assertThat(row.problem()).isEqualTo("unknown mode \"sslcertt\"");
        assertThat(row.mode()).isEqualTo("sslcertt");
    }

    @Test
    void rejectsAZoneIdWithoutTheZonePrefixForm() {
        RotationRow row = validate("zone_1", "a.com", "", "cert-1");

        assertThat(row.problem()).isEqualTo("invalid zone ID \"zone_1\"");
        assertThat(row.zoneId()).isEqualTo("zone_1");
    }

    @Test
    void rejectsAZoneIdWithNothingAfterThePrefix() {
        assertThat(validate("zone-", "a.com", "", "cert-1").problem()).isEqualTo("invalid zone ID \"zone-\"");
    }

    @Test
    void rejectsAnEmptyZoneId() {
        assertThat(validate("", "a.com", "", "cert-1").problem()).isEqualTo("zone ID is empty");
    }

    @Test
    void rejectsAnInvalidHostAndKeepsWhatTheUserWrote() {
        RotationRow row = validate("zone-a1", " a..b.com ", "", "cert-1");

        assertThat(row.problem()).isEqualTo("host \"a..b.com\" is not a valid DNS name");
        assertThat(row.host()).isEqualTo("a..b.com");
    }

    @Test
    void rejectsAnEmptyHost() {
        assertThat(validate("zone-a1", " ", "", "cert-1").problem()).isEqualTo("host is empty");
    }

    @Test
    void rejectsSslcertWithoutCertificateIds() {
        assertThat(validate("zone-a1", "a.com", "sslcert", " ; ").problem())
                .isEqualTo("mode sslcert needs at least one certificate ID");
    }

    @Test
    void rejectsAnEmptyModeWithoutCertificateIdsAsSslcert() {
        assertThat(validate("zone-a1", "a.com", "", "").problem())
                .isEqualTo("mode sslcert needs at least one certificate ID");
    }

    @Test
    void rejectsCertificateIdsForAModeThatTakesNone() {
        assertThat(validate("zone-a1", "a.com", "eofreecert", "cert-1").problem())
                .isEqualTo("mode eofreecert takes no certificate IDs, got \"cert-1\"");
    }

    @Test
    void rejectsACertificateIdWithCharactersOutsideLettersDigitsHyphenAndUnderscore() {
        assertThat(validate("zone-a1", "a.com", "sslcert", "cert-1 cert-2").problem())
                .isEqualTo("invalid certificate ID \"cert-1 cert-2\"");
    }

    @Test
    void reportsEveryProblemOfTheRow() {
        assertThat(validate("zone_1", "a..b.com", "sslcertt", "").problem())
                .isEqualTo("invalid zone ID \"zone_1\"; host \"a..b.com\" is not a valid DNS name; unknown mode \"sslcertt\"");
    }

    @Test
    void formatsTheProblemLikeACompiler() {
        assertThat(validate("zone-a1", "a.com", "sslcertt", "cert-1").problemMessage())
                .isEqualTo("line 7: unknown mode \"sslcertt\"");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\0', '\b', '\u001B', '\n', '\r', '\u007F', '\u0085', '\u009B', '\u202E', '\u2066', '\u200F'})
    void rejectsAControlCharacterInAHostAndEscapesItInTheMessage(char control) {
        RotationRow row = validate("zone-a1", "www" + control + ".example.com", "", "cert-1");

        assertThat(row.problem()).isEqualTo(String.format(
                "host \"www\\u%04X.example.com\" holds control character U+%04X at position 4", (int) control, (int) control));
    }

    @Test
    void rejectsAControlCharacterInEveryColumnItReads() {
        RotationRow row = validate("zone-a1\0", "a.com\0", "sslcert\0", "cert-1\0");

        assertThat(row.problem()).isEqualTo("zone_id \"zone-a1\\u0000\" holds control character U+0000 at position 8;"
                + " host \"a.com\\u0000\" holds control character U+0000 at position 6;"
                + " cert_ids \"cert-1\\u0000\" holds control character U+0000 at position 7;"
                + " mode \"sslcert\\u0000\" holds control character U+0000 at position 8");
    }

    @Test
    void rejectsAControlCharacterAtTheEdgeOfACellThatTrimmingWouldDrop() {
        RotationRow row = validate("zone-a1", "\u001B[31ma.com", "", "cert-1");

        assertThat(row.problem()).isEqualTo(
                "host \"\\u001B[31ma.com\" holds control character U+001B at position 1");
        assertThat(row.host()).isEqualTo("\u001B[31ma.com");
    }

    @Test
    void takesATabAroundAValueAsBlank() {
        assertThat(validate("\tzone-a1\t", "a.com\t", "\tsslcert", "cert-1\t").valid()).isTrue();
    }

    @Test
    void quotesOnlyAShortPrefixOfAHugeValue() {
        String huge = "a".repeat(10 * 1024 * 1024);

        RotationRow row = validate("zone-a1", huge, "", "cert-1");

        assertThat(row.problemMessage()).isEqualTo("line 7: host \"" + "a".repeat(60) + "\"…(10485760 chars)"
                + " is not a valid DNS name");
    }

    @Test
    void namesTheUts46ErrorOfAnInternationalHostItRejects() {
        assertThat(validate("zone-a1", "a\u200Db.example", "", "cert-1").problem())
                .isEqualTo("host \"a\\u200Db.example\" is not a valid international name (UTS #46: CONTEXTJ)");
    }
}
