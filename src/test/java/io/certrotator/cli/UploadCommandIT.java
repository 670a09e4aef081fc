package io.certrotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certrotator.certs.CertbotLayout;
import io.certrotator.certs.GeneratedCertificate;
import io.certrotator.certs.TestCertificates;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.SimulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code upload} over HTTP against the simulator's SSL service, with certificates made for the test. */
class UploadCommandIT {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    static final Map<String, String> CREDENTIALS = Map.of("TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID,
            "TENCENTCLOUD_SECRET_KEY", SimulatorExtension.SECRET_KEY);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static GeneratedCertificate intermediate;
    private static GeneratedCertificate ecc;
    private static GeneratedCertificate rsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() {
        GeneratedCertificate root = current("Test Root CA").ca().build();
        intermediate = current("Test Intermediate CA").ca().issuer(root).build();
        ecc = current("www.example.com").dnsNames("www.example.com", "example.com").issuer(intermediate).build();
        rsa = current("shop.example.com").key(TestCertificates.rsaKey(2048)).dnsNames("shop.example.com")
                .issuer(intermediate).build();
    }

    static TestCertificates.Builder current(String commonName) {
        return TestCertificates.certificate(commonName).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)));
    }

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    /** Retries a few milliseconds apart: the policy's shape, not its waits, is under test here. */
    static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20));

    static Run upload(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UploadCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), QUICK_RETRIES);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run upload(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--endpoint=http://127.0.0.1:" + sim.port());
        return upload(CREDENTIALS, all.toArray(String[]::new));
    }

    /** The chain and the key (mode 0600, as certbot writes it) in a folder of their own. */
    private Path[] files(String name, String chain, String key) {
        Path keyFile = TestCertificates.write(dir.resolve(name + "/privkey.pem"), key);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Path[] {TestCertificates.write(dir.resolve(name + "/fullchain.pem"), chain), keyFile};
    }

    private Path[] files(GeneratedCertificate leaf) {
        return files(leaf.certificate().getSubjectX500Principal().getName(),
                TestCertificates.chainPem(leaf, intermediate), leaf.pkcs8KeyPem());
    }

    private static long uploadCalls() {
        return sim.callLog().records("UploadCertificate").size();
    }

    @Test
    void uploadsAnEcdsaCertificateAndPrintsItsIdNamesAndEnd() {
        Path[] files = files(ecc);

        Run run = upload("--cert=" + files[0], "--key=" + files[1], "--alias=www");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Certificate held = sim.simulator().state().certificates().stream()
                .filter(c -> c.algorithm().equals("ECC 256")).findFirst().orElseThrow();
        assertThat(run.out()).isEqualTo("certificate: " + held.certId() + " (new)\n"
                + "names: www.example.com, example.com\n"
                + "not after: " + NOW.plus(Duration.ofDays(90)) + "\n"
                + "key: ECC 256\n");
        assertThat(held.alias()).isEqualTo("www");
        assertThat(held.names()).containsExactly("www.example.com", "example.com");
    }

    @Test
    void uploadsAnRsaCertificate() {
        Path[] files = files(rsa);

        Run run = upload("--cert=" + files[0], "--key=" + files[1], "--format=json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String certId = run.json().path("certificateId").asString();
        assertThat(sim.simulator().state().certificate(certId).orElseThrow().algorithm()).isEqualTo("RSA 2048");
    }

    @Test
    void theSameCertificateTwiceKeepsItsIdAndSaysSo() {
        Path[] files = files(ecc);

        Run first = upload("--cert=" + files[0], "--key=" + files[1], "--format=json");
        Run second = upload("--cert=" + files[0], "--key=" + files[1], "--format=json");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json().path("certificateId").asString()).isEqualTo(first.json().path("certificateId").asString());
        assertThat(first.json().path("reused").asBoolean()).isFalse();
        assertThat(second.json().path("reused").asBoolean()).isTrue();
        assertThat(sim.simulator().state().certificates()).filteredOn(c -> c.algorithm().equals("ECC 256")).hasSize(1);
    }

    @Test
    void jsonOutputIsOneObjectForScripts() {
        Path[] files = files(ecc);

        Run run = upload("--cert=" + files[0], "--key=" + files[1], "--format=json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode json = run.json();
        assertThat(json.propertyNames()).containsExactly("certificateId", "names", "notAfter", "keyAlgorithm", "reused");
        assertThat(json.path("names").valueStream().map(JsonNode::asString))
                .containsExactly("www.example.com", "example.com");
        assertThat(json.path("notAfter").asString()).isEqualTo(NOW.plus(Duration.ofDays(90)).toString());
        assertThat(json.path("keyAlgorithm").asString()).isEqualTo("ECC 256");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsOneLineAndExit2WithNothingSent() {
        Path[] files = files("mismatch", TestCertificates.chainPem(ecc, intermediate), rsa.pkcs8KeyPem());

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("cert-rotator upload: " + files[1]).contains("does not match");
        assertThat(run.out()).isEmpty();
        assertThat(uploadCalls()).isZero();
    }

    @Test
    void anExpiredCertificateIsExit2WithNothingSent() {
        GeneratedCertificate expired = TestCertificates.certificate("old.example.com").dnsNames("old.example.com")
                .validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(10))).build();
        Path[] files = files("expired", expired.certificatePem(), expired.pkcs8KeyPem());

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().contains("expired");
        assertThat(uploadCalls()).isZero();
    }

    @Test
    void aChainNotLeafFirstIsSentLeafFirstAndNoted() {
        Path[] files = files("reordered", TestCertificates.chainPem(intermediate, ecc), ecc.pkcs8KeyPem());

        Run run = upload("--cert=" + files[0], "--key=" + files[1], "--format=json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("note: " + files[0] + " does not have the chain leaf first; it is sent leaf first");
        assertThat(sim.simulator().state().certificate(run.json().path("certificateId").asString()).orElseThrow()
                .names()).containsExactly("www.example.com", "example.com");
    }

    @Test
    void takesCertbotsLiveFilesAsADeployHookPassesThem() {
        CertbotLayout certbot = CertbotLayout.create(dir.resolve("letsencrypt"), "example.com", ecc, intermediate);
        Path lineage = certbot.lineage();

        Run run = upload("--cert=" + lineage.resolve("fullchain.pem"), "--key=" + lineage.resolve("privkey.pem"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("certificate: ").contains("names: www.example.com, example.com");
    }

    @Test
    void aKeyOthersCanReadIsUploadedWithAWarning() throws Exception {
        Path[] files = files(ecc);
        Files.setPosixFilePermissions(files[1], PosixFilePermissions.fromString("rw-r--r--"));

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("warning: " + files[1] + ": the private key is readable by group or others");
    }

    @Test
    void aCertificateForClientAuthenticationOnlyIsExit2WithNothingSent() {
        GeneratedCertificate client = current("shop.example.com").dnsNames("shop.example.com")
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issuer(intermediate).build();
        Path[] files = files("client", TestCertificates.chainPem(client, intermediate), client.pkcs8KeyPem());

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("cert-rotator upload: " + files[0]
                + ": the leaf certificate (CN=shop.example.com) has extendedKeyUsage clientAuth without serverAuth,"
                + " not a server certificate");
        assertThat(run.out()).isEmpty();
        assertThat(uploadCalls()).isZero();
    }

    @Test
    void aKeyFileThatAlsoHoldsTheChainIsUploadedWithANote() {
        String chain = TestCertificates.chainPem(ecc, intermediate);
        Path[] files = files("combined", chain, ecc.pkcs8KeyPem() + chain);

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).containsExactly("note: " + files[1] + " also holds 2 certificates beside the"
                + " key: ignored, the chain sent is the certificate file's");
        assertThat(uploadCalls()).isOne();
    }

    @Test
    void filesStartingWithAUtf8ByteOrderMarkAreUploaded() {
        Path[] files = files("bom", "\uFEFF" + TestCertificates.chainPem(ecc, intermediate),
                "\uFEFF" + ecc.pkcs8KeyPem());

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("names: www.example.com, example.com");
    }

    @Test
    void aRefusalByTheServiceIsOneLineWithItsCodeAndExit3() {
        sim.simulator().refuseUploads("FailedOperation.CertificateInvalid");
        Path[] files = files(ecc);

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.err().lines()).singleElement().asString().startsWith(
                "cert-rotator upload: the SSL service refused the certificate: FailedOperation.CertificateInvalid: ");
        assertThat(uploadCalls()).isEqualTo(1);
    }

    @Test
    void anApiThatKeepsFailingIsTriedAgainThenExit1() {
        sim.simulator().faults(sim.simulator().faults().withTransientErrorRate(1.0));
        Path[] files = files(ecc);

        Run run = upload("--cert=" + files[0], "--key=" + files[1]);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("cert-rotator upload: the upload did not go through: ");
        assertThat(uploadCalls()).isEqualTo(QUICK_RETRIES.maxAttempts());
        assertThat(sim.simulator().state().certificates()).noneMatch(c -> c.algorithm().equals("ECC 256"));
    }

    @Test
    void credentialsTheServiceRefusesAreExit1() {
        Path[] files = files(ecc);

        Run run = upload(Map.of("TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", "not-the-key"), "--cert=" + files[0], "--key=" + files[1],
                "--endpoint=http://127.0.0.1:" + sim.port());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("cert-rotator upload: the upload did not go through: the API refused the call with "
                        + "AuthFailure.SignatureFailure: ");
    }

    @Test
    void missingCredentialsAreExit2WithNothingSent() {
        Path[] files = files(ecc);

        Run run = upload(Map.of(), "--cert=" + files[0], "--key=" + files[1], "--profile=cert-rotator-no-such-profile",
                "--endpoint=http://127.0.0.1:" + sim.port());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("cert-rotator upload: no profile [cert-rotator-no-such-profile]");
        assertThat(uploadCalls()).isZero();
    }

    @Test
    void anEndpointAndASiteTogetherAreAUsageError() {
        Path[] files = files(ecc);

        Run run = upload(CREDENTIALS, "--cert=" + files[0], "--key=" + files[1], "--site=intl",
                "--endpoint=http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(ApiAccessOptions.SITE_OR_ENDPOINT);
    }
}
