package io.certrotator.edgeone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The UploadCertificate request's parameters and how its answer is read. */
class UploadCertificateRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----\n";

    private static ApiResponse.Ok answer(String json) {
        return new ApiResponse.Ok("req-1", JSON.readTree(json));
    }

    @Test
    void sendsAServerCertificateThatIsNeverStoredTwice() {
        assertThat(new UploadCertificate("CHAIN", KEY, "www").parameters()).containsExactly(
                java.util.Map.entry("CertificatePublicKey", "CHAIN"),
                java.util.Map.entry("CertificatePrivateKey", KEY),
                java.util.Map.entry("CertificateType", "SVR"),
                java.util.Map.entry("Repeatable", false),
                java.util.Map.entry("Alias", "www"));
    }

    @Test
    void leavesABlankAliasOut() {
        assertThat(new UploadCertificate("CHAIN", KEY, " ").parameters()).doesNotContainKey("Alias");
        assertThat(new UploadCertificate("CHAIN", KEY, null).parameters()).doesNotContainKey("Alias");
    }

    @Test
    void neverShowsTheKeyAsText() {
        assertThat(new UploadCertificate("CHAIN", KEY, "www").toString()).doesNotContain("MIGHAgEAMBMGByqG");
    }

    @Test
    void aNewCertificateIsItsCertificateId() {
        assertThat(UploadedCertificate.of(answer("{\"CertificateId\":\"abcd1234\",\"RepeatCertId\":null}")))
                .contains(new UploadedCertificate("abcd1234", false, "req-1"));
    }

    @Test
    void aRepeatedCertificateIsItsRepeatCertIdWhateverCertificateIdSays() {
        assertThat(UploadedCertificate.of(answer("{\"CertificateId\":\"\",\"RepeatCertId\":\"held0001\"}")))
                .contains(new UploadedCertificate("held0001", true, "req-1"));
        assertThat(UploadedCertificate.of(answer("{\"CertificateId\":\"held0001\",\"RepeatCertId\":\"held0001\"}")))
                .contains(new UploadedCertificate("held0001", true, "req-1"));
    }

    @Test
    void anAnswerWithoutAnIdIsNone() {
        assertThat(UploadedCertificate.of(answer("{\"CertificateId\":\"\"}"))).isEmpty();
        assertThat(UploadedCertificate.of(answer("{}"))).isEmpty();
    }
}
