package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.certrotator.certs.GeneratedCertificate;
import io.certrotator.certs.TestCertificates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SSL service's UploadCertificate, over HTTP through the SDK, with certificates made for the test. */
class UploadCertificateTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static GeneratedCertificate ecc;
    private static GeneratedCertificate rsa;

    @BeforeAll
    static void makeCertificates() {
        ecc = current("www.example.com").dnsNames("www.example.com", "shop.example.com").build();
        rsa = current("example.com").key(TestCertificates.rsaKey(2048))
                .dnsNames("example.com", "*.example.com").build();
    }

    private static TestCertificates.Builder current(String commonName) {
        return TestCertificates.certificate(commonName).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)));
    }

    private static ObjectNode upload(String chainPem, String keyPem) {
        ObjectNode params = JSON.createObjectNode();
        params.put("CertificatePublicKey", chainPem);
        params.put("CertificatePrivateKey", keyPem);
        params.put("CertificateType", "SVR");
        return params;
    }

    private static JsonNode call(String action, JsonNode params) throws TencentCloudSDKException {
        return JSON.readTree(sim.sslClient().call(action, JSON.writeValueAsString(params))).path("Response");
    }

    private static String outcome(JsonNode params) {
        try {
            call("UploadCertificate", params);
            return CallRecord.OK;
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    private static JsonNode listed(String certId) throws TencentCloudSDKException {
        JsonNode list = call("DescribeCertificates", JSON.createObjectNode().put("Limit", 1000)).path("Certificates");
        for (JsonNode certificate : list) {
            if (certificate.path("CertificateId").asString().equals(certId)) {
                return certificate;
            }
        }
        throw new AssertionError(certId + " is not listed: " + list);
    }

    @Test
    void anUploadedCertificateIsListedWithItsNamesValidityAndKey() throws Exception {
        String certId = call("UploadCertificate", upload(ecc.certificatePem(), ecc.pkcs8KeyPem()).put("Alias", "www"))
                .path("CertificateId").asString();

        JsonNode listed = listed(certId);
        assertThat(listed.path("Domain").asString()).isEqualTo("www.example.com");
        assertThat(listed.path("SubjectAltName").valueStream().map(JsonNode::asString))
                .containsExactly("www.example.com", "shop.example.com");
        assertThat(listed.path("EncryptAlgorithm").asString()).isEqualTo("ECC 256");
        assertThat(listed.path("Alias").asString()).isEqualTo("www");
        assertThat(listed.path("Status").asInt()).isEqualTo(Certificate.ISSUED);
        assertThat(sim.simulator().state().certificate(certId).orElseThrow().notAfter())
                .isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void anRsaKeyShowsItsModulusSizeAndATraditionalKeyIsRead() throws Exception {
        String certId = call("UploadCertificate", upload(rsa.certificatePem(), rsa.traditionalKeyPem()))
                .path("CertificateId").asString();

        assertThat(listed(certId).path("EncryptAlgorithm").asString()).isEqualTo("RSA 2048");
        assertThat(listed(certId).path("SubjectAltName").valueStream().map(JsonNode::asString))
                .containsExactly("example.com", "*.example.com");
    }

    @Test
    void theSameCertificateAgainWithoutRepeatableAnswersTheHeldId() throws Exception {
        String first = call("UploadCertificate", upload(ecc.certificatePem(), ecc.pkcs8KeyPem()).put("Repeatable", false))
                .path("CertificateId").asString();

        JsonNode again = call("UploadCertificate", upload(ecc.certificatePem(), ecc.pkcs8KeyPem()).put("Repeatable", false));

        assertThat(again.path("RepeatCertId").asString()).isEqualTo(first);
        assertThat(again.path("CertificateId").asString()).isEqualTo(first);
        assertThat(sim.simulator().state().certificates()).filteredOn(c -> c.algorithm().equals("ECC 256"))
                .hasSize(1);
    }

    @Test
    void theSameCertificateWithRepeatableIsStoredAgainUnderANewId() throws Exception {
        String first = call("UploadCertificate", upload(ecc.certificatePem(), ecc.pkcs8KeyPem()))
                .path("CertificateId").asString();

        JsonNode again = call("UploadCertificate", upload(ecc.certificatePem(), ecc.pkcs8KeyPem()).put("Repeatable", true));

        assertThat(again.path("CertificateId").asString()).isNotEqualTo(first);
        assertThat(again.path("RepeatCertId").isNull()).isTrue();
    }

    @Test
    void aKeyOfAnotherCertificateIsAMismatch() {
        assertThat(outcome(upload(ecc.certificatePem(), rsa.pkcs8KeyPem()))).isEqualTo(UploadedPem.MISMATCH);
        assertThat(outcome(upload(ecc.certificatePem(), current("other").build().pkcs8KeyPem())))
                .isEqualTo(UploadedPem.MISMATCH);
    }

    @Test
    void textThatIsNotPemIsAParseError() {
        assertThat(outcome(upload("not a certificate", ecc.pkcs8KeyPem()))).isEqualTo(UploadedPem.PARSE_ERROR);
        assertThat(outcome(upload(ecc.certificatePem(), "not a key"))).isEqualTo(UploadedPem.PARSE_ERROR);
        assertThat(outcome(upload(ecc.certificatePem(), ecc.encryptedPkcs8KeyPem("pw")))).isEqualTo(UploadedPem.PARSE_ERROR);
        assertThat(outcome(upload(ecc.pkcs8KeyPem(), ecc.pkcs8KeyPem()))).isEqualTo(UploadedPem.PARSE_ERROR);
    }

    @Test
    void aRefusalNeverQuotesTheKey() {
        String key = "-----BEGIN PRIVATE KEY-----\nTUlJQ2VnSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NBbVF3Z2dK\n-----END PRIVATE KEY-----\n";

        TencentCloudSDKException refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                TencentCloudSDKException.class, () -> call("UploadCertificate", upload(ecc.certificatePem(), key)));

        assertThat(refusal.getErrorCode()).isEqualTo(UploadedPem.PARSE_ERROR);
        assertThat(refusal.getMessage()).doesNotContain("TUlJQ2VnSUJBREFO");
    }

    @Test
    void anExpiredCertificateIsInvalid() {
        GeneratedCertificate expired = TestCertificates.certificate("old.example.com")
                .validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(10))).build();

        assertThat(outcome(upload(expired.certificatePem(), expired.pkcs8KeyPem()))).isEqualTo(UploadedPem.INVALID);
    }

    @Test
    void aServerCertificateNeedsItsPrivateKey() {
        ObjectNode withoutKey = upload(ecc.certificatePem(), null);
        withoutKey.remove("CertificatePrivateKey");

        assertThat(outcome(withoutKey)).isEqualTo(ErrorCodes.MISSING_PARAMETER);
    }

    @Test
    void anUploadedCertificateCanBeDeployedOnTheHostsItCovers() throws Exception {
        String certId = call("UploadCertificate", upload(ecc.certificatePem(), ecc.pkcs8KeyPem()))
                .path("CertificateId").asString();

        String modify = "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"shop.example.com\"],\"Mode\":\"sslcert\","
                + "\"ServerCertInfo\":[{\"CertId\":\"" + certId + "\"}]}";
        assertThat(sim.outcome("ModifyHostsCertificate", modify)).isEqualTo(CallRecord.OK);
        assertThat(sim.host("zone-alpha1", "shop.example.com").certIds()).containsExactly(certId);
    }

    @Test
    void uploadsAreAdmittedAtTheDocumentedTenPerSecond() {
        IntStream.range(0, 25).forEach(i -> outcome(upload("x", "y")));

        assertThat(sim.callLog().rateLimitRefusals("UploadCertificate")).isPositive();
        assertThat(sim.callLog().maxAdmittedInAnyWindow("UploadCertificate", Duration.ofSeconds(1)))
                .isLessThanOrEqualTo(EdgeOneSimulator.SSL_UPLOAD_LIMIT);
    }
}
