package io.certrotator.cli;

import io.certrotator.certs.CertbotLayout;
import io.certrotator.certs.GeneratedCertificate;
import io.certrotator.certs.TestCertificates;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.postgres.PostgresExtension;
import io.certrotator.postgres.PostgresServer;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.SimulatorExtension;
import io.certrotator.simulator.ZoneProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy} over HTTP against the simulator: a new wildcard RSA certificate for shop.example.com, made for the
 * test, deployed to an estate where some hosts serve an older RSA certificate, one an RSA+ECC pair, one a newer
 * certificate, one a name it does not cover, one EdgeOne's free certificate.
 */
class DeployCommandIT {

    static final String SHOP = "zone-shop1";
    static final String BLOG = "zone-blog1";
    static final Map<String, String> CREDENTIALS = Map.of("TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID,
            "TENCENTCLOUD_SECRET_KEY", SimulatorExtension.SECRET_KEY);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20));

    /** What a test does on each call the simulator answers. */
    static volatile Consumer<CallRecord> onCall = call -> { };
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder.onCall(call -> onCall.accept(call)));

    private static GeneratedCertificate intermediate;
    private static GeneratedCertificate wildcard;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() {
        GeneratedCertificate root = current("Test Root CA").ca().build();
        intermediate = current("Test Intermediate CA").ca().issuer(root).build();
        wildcard = current("shop.example.com").key(TestCertificates.rsaKey(2048))
                .dnsNames("shop.example.com", "*.shop.example.com").issuer(intermediate).build();
    }

    static TestCertificates.Builder current(String commonName) {
        return TestCertificates.certificate(commonName)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)));
    }

    @BeforeEach
    void seed() {
        onCall = call -> { };
        EdgeOneState state = sim.simulator().state();
        certificate(state, "cert-old-rsa", "RSA 2048", NOW.plus(Duration.ofDays(10)), "*.shop.example.com",
                "shop.example.com");
        certificate(state, "cert-ecc", "ECC 256", NOW.plus(Duration.ofDays(30)), "*.shop.example.com");
        certificate(state, "cert-rsa-newer", "RSA 2048", NOW.plus(Duration.ofDays(400)), "*.shop.example.com");
        certificate(state, "cert-blog", "RSA 2048", NOW.plus(Duration.ofDays(5)), "blog.example.org");
        state.setZoneProfile(SHOP, new ZoneProfile("shop.example.com", "full", "active", false));
        host(state, SHOP, "www.shop.example.com", "cert-old-rsa");
        host(state, SHOP, "shop.example.com", "cert-old-rsa");
        host(state, SHOP, "pair.shop.example.com", "cert-old-rsa", "cert-ecc");
        host(state, SHOP, "newer.shop.example.com", "cert-rsa-newer");
        state.putHost(SHOP, "free.shop.example.com", HostCertificate.deployed("eofreecert", List.of()));
        state.setZoneProfile(BLOG, new ZoneProfile("example.org", "full", "active", false));
        host(state, BLOG, "blog.example.org", "cert-blog");
        sim.callLog().clear();
    }

    /** Spring Boot keeps the console's structured format in a system property, which outlives the context. */
    @AfterEach
    void plainLogsForTheNextTest() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
    }

    private static void host(EdgeOneState state, String zoneId, String host, String... certIds) {
        state.putHost(zoneId, host, HostCertificate.deployed("sslcert", List.of(certIds)));
    }

    private static void certificate(EdgeOneState state, String certId, String algorithm, Instant notAfter,
                                    String... names) {
        state.putCertificate(new Certificate(certId, new LinkedHashSet<>(List.of(names)),
                Certificate.DEFAULT_NOT_BEFORE, notAfter, algorithm, "", Certificate.ISSUED));
    }

    private ConsoleCapture deploy(Path chain, Path key, String... options) {
        return deploy(CREDENTIALS, chain, key, options);
    }

    private ConsoleCapture deploy(Map<String, String> env, Path chain, Path key, String... options) {
        List<String> args = new ArrayList<>(List.of("--cert=" + chain, "--key=" + key,
                "--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off", "--cert-rotator.retry.base-delay=100ms"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> DeployCommand.run(env, QUICK_RETRIES, args.toArray(String[]::new)));
    }

    private ConsoleCapture deployWildcard(String... options) {
        CertbotLayout lineage = CertbotLayout.create(dir.resolve("letsencrypt"), "shop.example.com", wildcard,
                intermediate);
        return deploy(lineage.fullchain(), lineage.privkey(), options);
    }

    private static List<String> certIds(String zoneId, String host) {
        return sim.simulator().state().host(zoneId, host).orElseThrow().certIds();
    }

    private static String uploadedId() {
        return sim.simulator().state().certificates().stream()
                .filter(cert -> cert.names().contains("*.shop.example.com") && cert.names().size() == 2
                        && cert.notAfter().equals(NOW.plus(Duration.ofDays(90))))
                .map(Certificate::certId).findFirst().orElseThrow();
    }

    @Test
    void putsTheNewCertificateOnEveryCoveredHostOnAnOlderRsaCertificateAndLeavesTheRestAlone() {
        ConsoleCapture run = deployWildcard();

        assertThat(run.exitCode()).as(run.all()).isZero();
        String newId = uploadedId();
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(newId);
        assertThat(certIds(SHOP, "shop.example.com")).containsExactly(newId);
        assertThat(certIds(SHOP, "pair.shop.example.com")).containsExactly(newId, "cert-ecc");
        assertThat(certIds(SHOP, "newer.shop.example.com")).containsExactly("cert-rsa-newer");
        assertThat(certIds(BLOG, "blog.example.org")).containsExactly("cert-blog");
        assertThat(sim.simulator().state().host(SHOP, "free.shop.example.com").orElseThrow().mode())
                .isEqualTo("eofreecert");
    }

    @Test
    void writesThePlanUnderTheHomeAndReportsBesideIt() throws IOException {
        ConsoleCapture run = deployWildcard();

        assertThat(run.exitCode()).as(run.all()).isZero();
        Path plans = dir.resolve("home").resolve(DeployPlanning.FOLDER);
        try (Stream<Path> files = Files.list(plans)) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2);
            assertThat(names.get(0)).startsWith(uploadedId() + "-").endsWith(".csv");
            assertThat(names.get(1)).endsWith(".results.csv");
            assertThat(run.out()).contains("plan: " + plans.resolve(names.get(0)) + " (3 rows)");
            String plan = Files.readString(plans.resolve(names.get(0)));
            assertThat(plan).doesNotContain("PRIVATE KEY");
        }
    }

    @Test
    void dryRunSendsNoUploadAndNoModifyAndPrintsThePlan() {
        ConsoleCapture run = deployWildcard("--dry-run");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).contains("certificate not uploaded (dry run)");
        assertThat(run.out()).contains("zone-shop1,www.shop.example.com,sslcert," + DeployCommand.NOT_UPLOADED)
                .contains("pair.shop.example.com,sslcert," + DeployCommand.NOT_UPLOADED + ";cert-ecc");
        assertThat(sim.callLog().records("UploadCertificate")).isEmpty();
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly("cert-old-rsa");
        assertThat(dir.resolve("home").resolve(DeployPlanning.FOLDER)).doesNotExist();
    }

    @Test
    void nothingToDeployExitsZeroAndSaysSo() {
        host(sim.simulator().state(), SHOP, "www.shop.example.com", "cert-rsa-newer");
        host(sim.simulator().state(), SHOP, "shop.example.com", "cert-rsa-newer");
        host(sim.simulator().state(), SHOP, "pair.shop.example.com", "cert-rsa-newer", "cert-ecc");

        ConsoleCapture run = deployWildcard();

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("nothing to deploy");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
    }

    @Test
    void theCertbotHookFormDeploysTheRenewedLineage() {
        CertbotLayout renewed = CertbotLayout.create(dir.resolve("letsencrypt"), "shop.example.com",
                current("old").key(TestCertificates.rsaKey(2048)).dnsNames("shop.example.com")
                        .issuer(intermediate).build(), intermediate)
                .renew(wildcard, intermediate);
        Path lineage = renewed.lineage();

        ConsoleCapture run = deploy(lineage.resolve("fullchain.pem"), lineage.resolve("privkey.pem"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(uploadedId());
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsOneLineAndNothingIsSent() {
        GeneratedCertificate other = current("other.example.com").dnsNames("other.example.com")
                .issuer(intermediate).build();
        Path chain = TestCertificates.write(dir.resolve("bad/fullchain.pem"),
                TestCertificates.chainPem(wildcard, intermediate));
        Path key = TestCertificates.write(dir.resolve("bad/privkey.pem"), other.pkcs8KeyPem());

        ConsoleCapture run = deploy(chain, key);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("cert-rotator deploy: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(sim.callLog().records()).isEmpty();
    }

    @Test
    void anUnknownZoneIsExitTwoAndNothingIsUploaded() {
        ConsoleCapture run = deployWildcard("--zone=zone-nope1");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cert-rotator deploy: --zone: no such zone");
        assertThat(sim.callLog().records("UploadCertificate")).isEmpty();
    }

    @Test
    void thePrivateKeyIsInNoFileTheDeployLeaves() throws IOException {
        String keyBody = wildcard.pkcs8KeyPem().lines().filter(line -> !line.startsWith("-----")).skip(2)
                .findFirst().orElseThrow();

        ConsoleCapture run = deployWildcard();

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).doesNotContain(keyBody);
        try (Stream<Path> files = Files.walk(dir.resolve("home"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(keyBody).doesNotContain("PRIVATE KEY");
            }
        }
    }

    @Test
    @ExtendWith(PostgresExtension.class)
    void thePrivateKeyIsNowhereInAPostgresJobRepositoryAfterADeploy(PostgresServer server) throws Exception {
        PostgresServer.Database database = server.newDatabase();
        List<String> keyLines = wildcard.pkcs8KeyPem().lines().filter(line -> !line.startsWith("-----")).toList();

        ConsoleCapture run = deployWildcard(database.springOptions().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isZero();
        String dump = server.dump(database);
        assertThat(dump).contains("CREATE TABLE public.cr_row").contains("www.shop.example.com");
        assertThat(dump).doesNotContain("PRIVATE KEY");
        keyLines.forEach(line -> assertThat(dump).doesNotContain(line.substring(0, 16)));
    }

    @Test
    void theSameDeployRunAgainAfterFailedHostsFinishesThem() {
        sim.simulator().failFirstCalls("www.shop.example.com", 100);

        ConsoleCapture failed = deployWildcard("--cert-rotator.retry.max-attempts=2");

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        String newId = uploadedId();
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly("cert-old-rsa");
        assertThat(certIds(SHOP, "pair.shop.example.com")).containsExactly(newId, "cert-ecc");
        sim.simulator().resetFaults();

        ConsoleCapture again = deployWildcard("--cert-rotator.retry.max-attempts=2");

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("certificate: " + newId + " (uploaded before: the same ID)");
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(newId);
        assertThat(sim.simulator().state().certificates()).filteredOn(cert -> cert.certId().equals(newId)).hasSize(1);
    }

    @Test
    void theSameDeployAfterItsHostsWerePutBackPutsThemOnItAgainAsTheNextRoundOfItsPlan() {
        ConsoleCapture first = deployWildcard();
        assertThat(first.exitCode()).as(first.all()).isZero();
        String newId = uploadedId();
        EdgeOneState state = sim.simulator().state();
        host(state, SHOP, "www.shop.example.com", "cert-old-rsa");
        host(state, SHOP, "shop.example.com", "cert-old-rsa");
        host(state, SHOP, "pair.shop.example.com", "cert-old-rsa", "cert-ecc");
        sim.callLog().clear();

        ConsoleCapture again = deployWildcard();

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).doesNotContain("already completed")
                .containsPattern("round 2 of this plan: run \\d+ completed it \\(.*, 0 of 3 row\\(s\\) not"
                        + " succeeded\\)")
                .contains("rows: 3 total, 3 succeeded");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isNotEmpty();
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(newId);
        assertThat(certIds(SHOP, "pair.shop.example.com")).containsExactly(newId, "cert-ecc");
    }

    @Test
    void aHostThatKeepsFailingIsSentAgainOnEveryDeployWithExitThree() {
        sim.simulator().failFirstCalls("www.shop.example.com", 100, ErrorCodes.CERT_NOT_MATCH_DOMAIN);
        ConsoleCapture first = deployWildcard();
        ConsoleCapture second = deployWildcard();
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(second.out()).contains("(1 rows)");
        sim.callLog().clear();

        ConsoleCapture third = deployWildcard();

        assertThat(third.exitCode()).as(third.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(third.out()).doesNotContain("already completed").contains("round 2 of this plan")
                .contains("rows: 1 total, 0 succeeded, 1 failed");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).hasSize(1);
    }

    @Test
    void theSameDeployAfterAStopResumesItsRunRatherThanPlanAnew() {
        // a CAM policy that lets the estate be read but not changed stops the rotation, as the network down would
        sim.simulator().failFirstCalls("www.shop.example.com", 1, ErrorCodes.CAM_UNAUTHORIZED);
        ConsoleCapture stopped = deployWildcard();
        assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(ExitCodes.STOPPED);
        String newId = uploadedId();
        host(sim.simulator().state(), SHOP, "new.shop.example.com", "cert-old-rsa");

        ConsoleCapture resumed = deployWildcard();

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).containsPattern("resuming stopped deploy run \\d+: .*" + newId + "-")
                .doesNotContain("plan: ");
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(newId);
        assertThat(certIds(SHOP, "new.shop.example.com")).as("not in the stopped run's plan")
                .containsExactly("cert-old-rsa");
        ConsoleCapture next = deployWildcard();
        assertThat(next.out()).as(next.all()).contains("(1 rows)").doesNotContain("resuming");
        assertThat(certIds(SHOP, "new.shop.example.com")).containsExactly(newId);
    }

    @Test
    void aDeployRunThatDoesNotFinishOnItsResumptionsIsGivenUpAndTheNextDeployPlansAnew() {
        int executions = UnfinishedPlanRun.RESUMES + 1;
        sim.simulator().failFirstCalls("www.shop.example.com", executions, ErrorCodes.CAM_UNAUTHORIZED);
        for (int execution = 1; execution <= executions; execution++) {
            ConsoleCapture stopped = deployWildcard();
            assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(ExitCodes.STOPPED);
        }

        ConsoleCapture next = deployWildcard();

        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(next.err()).containsPattern("cert-rotator deploy: giving up deploy run \\d+ \\(now ABANDONED\\): "
                + executions + " executions did not finish it, .*; planning anew");
        assertThat(next.out()).doesNotContain("resuming").contains("plan: ");
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(uploadedId());
    }

    @Test
    void withJsonEveryLineOnStandardOutputIsOneJsonObjectTheCertificatesLinesToo() {
        ConsoleCapture run = deployWildcard("--log-format=json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = run.out().lines().filter(line -> !line.isBlank()).map(json::readTree).toList();
        assertThat(lines).as(run.all()).allMatch(JsonNode::isObject)
                .extracting(line -> line.path("message").asString(""))
                .anyMatch(message -> message.startsWith("certificate: " + uploadedId()))
                .anyMatch(message -> message.startsWith("key: RSA 2048"))
                .anyMatch(message -> message.startsWith("plan: "));
    }

    @Test
    void aSessionTokenThatExpiresDuringTheRotationIsReadAgainFromTheEnvironmentAndTheDeployFinishes() {
        sim.simulator().putCredentials("AKIDdeploytemp1", "deploy-temp-key-1", "deploy-token-1");
        sim.simulator().putCredentials("AKIDdeploytemp2", "deploy-temp-key-2", "deploy-token-2");
        Map<String, String> env = new ConcurrentHashMap<>(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDdeploytemp1",
                "TENCENTCLOUD_SECRET_KEY", "deploy-temp-key-1", "TENCENTCLOUD_SESSION_TOKEN", "deploy-token-1"));
        onCall = call -> {
            if (call.action().equals("ModifyHostsCertificate") && "deploy-token-1".equals(call.sessionToken())) {
                sim.simulator().expireSessionTokenAfter("deploy-token-1", 0);
                env.putAll(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDdeploytemp2", "TENCENTCLOUD_SECRET_KEY",
                        "deploy-temp-key-2", "TENCENTCLOUD_SESSION_TOKEN", "deploy-token-2"));
            }
        };
        CertbotLayout lineage = CertbotLayout.create(dir.resolve("letsencrypt"), "shop.example.com", wildcard,
                intermediate);

        ConsoleCapture run = deploy(env, lineage.fullchain(), lineage.privkey());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(certIds(SHOP, "www.shop.example.com")).containsExactly(uploadedId());
        assertThat(sim.callLog().records()).anyMatch(call -> call.outcome().equals("AuthFailure.TokenFailure"))
                .anyMatch(call -> "deploy-token-2".equals(call.sessionToken()) && call.succeeded());
    }
}
