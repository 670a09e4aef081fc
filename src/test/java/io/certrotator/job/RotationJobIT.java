package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.contentOf;

/** The rotation job end to end: the command line, an H2 file repository, the simulator over HTTP. */
class RotationJobIT {

    static final String SECRET_ID = "AKIDrotationjobtest";
    static final String SECRET_KEY = "rotation-job-secret-key-9f8e7d";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY);
    static final String MODIFY = "ModifyHostsCertificate";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    private EdgeOneSimulator simulatorSeededWith(Path csv) {
        return api.seededWith(csv);
    }

    private EdgeOneSimulator simulatorSeededWith(Path csv,
                                                 java.util.function.UnaryOperator<EdgeOneSimulator.Builder> more) {
        return api.seededWith(csv, more);
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    private Rotator.Result rotate(Path input, String... options) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption(), options);
    }

    private List<CallRecord> modifyCalls() {
        return simulator().callLog().records(MODIFY);
    }

    @Test
    void theSampleRotationSucceedsEndToEnd() throws IOException {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        Map<Long, Map<String, String>> rows = report(dir.resolve("rotation.results.csv"));
        assertThat(rows).hasSize(17).allSatisfy((line, row) -> {
            assertThat(row.get("status")).isEqualTo("SUCCEEDED");
            assertThat(row.get("attempts")).isEqualTo("1");
            assertThat(row.get("request_id")).isNotBlank();
        });
        assertThat(simulator().hostCertificate("zone-8kq3m1z0pa7", "www.example.com")).get()
                .satisfies(h -> assertThat(h.certIds()).containsExactlyInAnyOrder("cert-rsa2025x1", "cert-ecc2025x1"));
        assertThat(result.out()).contains("rows: 17 total, 17 succeeded").contains("report: ");
    }

    @Test
    void theReportHasExactlyTheContractsColumns() throws IOException {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        simulatorSeededWith(input);

        rotate(input, "--report=" + dir.resolve("out/report.csv"));

        assertThat(Rotator.header(dir.resolve("out/report.csv"))).isEqualTo(
                "line,zone_id,host,mode,cert_ids,status,error_code,error_message,request_id,attempts,updated_at,"
                        + "previous_mode,previous_cert_ids");
    }

    @Test
    void hundredsOfHostsSharingACertificateBecomeAHandfulOfCalls() {
        Path input = csv(dir, "many.csv", hostsOnOneCertificate("zone-many1", "cert-shared", 250,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        assertThat(modifyCalls()).hasSize(3).allSatisfy(call -> assertThat(call.hosts()).hasSizeLessThanOrEqualTo(100));
        assertThat(modifyCalls().stream().mapToInt(c -> c.hosts().size()).sum()).isEqualTo(250);
    }

    @Test
    void maxHostsPerCallCapsEveryCall() {
        Path input = csv(dir, "many.csv", hostsOnOneCertificate("zone-many1", "cert-shared", 30,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);

        rotate(input, "--max-hosts-per-call=7");

        assertThat(modifyCalls()).hasSize(5).allSatisfy(call -> assertThat(call.hosts()).hasSizeLessThanOrEqualTo(7));
    }

    @Test
    void aDualCertificateRowSendsBothCertificatesInOneCall() {
        Path input = csv(dir, "dual.csv", "zone_id,host,mode,cert_ids",
                "zone-dual1,www.dual.example.com,sslcert,cert-rsa1;cert-ecc1");
        simulatorSeededWith(input);

        assertThat(rotate(input).exitCode()).isZero();

        assertThat(modifyCalls()).singleElement()
                .satisfies(call -> assertThat(call.certIds()).containsExactly("cert-rsa1", "cert-ecc1"));
        assertThat(simulator().hostCertificate("zone-dual1", "www.dual.example.com")).get()
                .satisfies(h -> assertThat(h.certIds()).containsExactlyInAnyOrder("cert-rsa1", "cert-ecc1"));
    }

    @Test
    void aFreeCertificateRowSendsItsModeWithoutCertificates() {
        Path input = csv(dir, "free.csv", "zone_id,host,mode,cert_ids", "zone-free1,blog.example.com,eofreecert,");
        simulatorSeededWith(input);

        assertThat(rotate(input).exitCode()).isZero();

        assertThat(modifyCalls()).singleElement().satisfies(call -> {
            assertThat(call.mode()).isEqualTo("eofreecert");
            assertThat(call.certIds()).isEmpty();
        });
        assertThat(simulator().hostCertificate("zone-free1", "blog.example.com")).get()
                .satisfies(h -> assertThat(h.mode()).isEqualTo("eofreecert"));
    }

    @Test
    void everyInvalidRowIsListedWithItsLineAndNothingIsSent() throws IOException {
        Path input = Files.copy(Path.of("samples/invalid.csv"), dir.resolve("invalid.csv"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(
                "line 6: unknown mode \"sslcertt\"",
                "line 8: invalid zone ID",
                "line 10: host \"m..shop.example.com\" is not a valid DNS name",
                "line 12: mode sslcert needs at least one certificate ID",
                "line 14: mode eofreecert takes no certificate IDs",
                "line 15: same zone and host as line 17 with a different target",
                "line 17: same zone and host as line 15 with a different target");
        assertThat(result.err()).doesNotContain("Exception");
        assertThat(simulator().callLog().records()).isEmpty();
        Map<Long, Map<String, String>> rows = report(dir.resolve("invalid.results.csv"));
        assertThat(rows.get(6L).get("status")).isEqualTo("INVALID");
        assertThat(rows.get(6L).get("error_message")).isEqualTo("unknown mode \"sslcertt\"");
    }

    @Test
    void skipInvalidRotatesTheValidRowsAndReportsTheRest() throws IOException {
        Path input = Files.copy(Path.of("samples/invalid.csv"), dir.resolve("invalid.csv"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input, "--skip-invalid");

        assertThat(result.exitCode()).isEqualTo(3);
        Map<String, Long> byStatus = report(dir.resolve("invalid.results.csv")).values().stream()
                .collect(Collectors.groupingBy(r -> r.get("status"), Collectors.counting()));
        assertThat(byStatus).containsEntry("INVALID", 7L).doesNotContainKey("PENDING").doesNotContainKey("FAILED");
        assertThat(byStatus.get("SUCCEEDED")).isPositive();
    }

    @Test
    void aMessyButValidCsvRotatesEveryRow() throws IOException {
        Path input = Files.copy(Path.of("samples/messy-but-valid.csv"), dir.resolve("messy.csv"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        assertThat(report(dir.resolve("messy.results.csv")).values())
                .isNotEmpty().allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(modifyCalls().stream().flatMap(c -> c.hosts().stream()))
                .allSatisfy(host -> assertThat(host).isLowerCase().doesNotEndWith(".").doesNotContain(" "));
    }

    @Test
    void aSecondStartOnTheSameRepositoryDoesNotRunTheBatchSchemaAgain() {
        List<String> rows = hostsOnOneCertificate("zone-first1", "cert-1", 4, i -> "h" + i + ".example.com");
        Path first = csv(dir, "first.csv", rows.subList(0, 3));
        Path second = csv(dir, "second.csv", List.of(rows.get(0), rows.get(3)));
        simulatorSeededWith(csv(dir, "estate.csv", rows));
        assertThat(rotate(first).exitCode()).isZero();

        assertThat(rotate(second).exitCode()).isZero();

        // H2 writes every failed statement, such as a CREATE TABLE of a table that exists, to this file
        Path trace = rotator.home.resolve("jobs.trace.db");
        assertThat(Files.exists(trace) ? contentOf(trace.toFile()) : "").doesNotContain("already exists");
    }

    @Test
    void aRerunAfterSuccessSendsNothingAndExitsZero() {
        Path input = csv(dir, "once.csv", hostsOnOneCertificate("zone-once1", "cert-once", 5,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);
        assertThat(rotate(input).exitCode()).isZero();
        simulator().callLog().clear();

        Rotator.Result again = rotate(input);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed");
        assertThat(simulator().callLog().records()).isEmpty();
    }

    @Test
    void aSimulatedRehearsalIsNotTheRotationSoTheRealRunAfterItSendsEveryRow() {
        Path input = csv(dir, "rehearsed.csv", hostsOnOneCertificate("zone-rehearse1", "cert-rehearsed", 5,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);
        assertThat(rotator.run(CREDENTIAL, "--input=" + input, "--simulate").exitCode()).isZero();

        Rotator.Result real = rotate(input);

        assertThat(real.exitCode()).isZero();
        assertThat(real.out()).doesNotContain("already completed").contains("rows: 5 total, 5 succeeded");
        assertThat(modifyCalls()).flatExtracting(CallRecord::hosts).hasSize(5);
        assertThat(report(dir.resolve("rehearsed.results.csv")).values())
                .allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo("1"));
    }

    @Test
    void theSameSimulationAgainIsTheSameRunAndSendsNothing() {
        Path input = csv(dir, "rehearsed.csv", hostsOnOneCertificate("zone-rehearse1", "cert-rehearsed", 5,
                i -> "h" + i + ".example.com"));
        Rotator.Result first = rotator.run(CREDENTIAL, "--input=" + input, "--simulate");

        Rotator.Result again = rotator.run(CREDENTIAL, "--input=" + input, "--simulate");

        assertThat(first.out()).contains("rows: 5 total, 5 succeeded");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).containsPattern("this input already completed \\(run 1, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)");
    }

    @Test
    void aRunCompletedAgainstALocalServerSaysSoWhenTheRealApiIsAskedForTheSameInput() {
        Path input = csv(dir, "local.csv", hostsOnOneCertificate("zone-local1", "cert-local", 2,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);
        assertThat(rotate(input).exitCode()).isZero();

        Rotator.Result real = rotator.run(CREDENTIAL, "--input=" + input);

        assertThat(real.out()).contains("this input already completed (run 1,");
        assertThat(real.err()).contains("cert-rotator: run 1 went to " + api.endpointOption().substring(
                "--endpoint=".length()) + ", a local server, not to https://teo.tencentcloudapi.com: to rotate this"
                + " input there, add a line starting with # to the file");
    }

    @Test
    void theSameContentUnderAnotherNameIsTheSameRun() throws IOException {
        Path input = csv(dir, "once.csv", hostsOnOneCertificate("zone-once1", "cert-once", 3,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);
        rotate(input);
        simulator().callLog().clear();

        Path moved = Files.copy(input, Files.createDirectories(dir.resolve("elsewhere")).resolve("renamed.csv"));

        assertThat(rotate(moved).exitCode()).isZero();
        assertThat(simulator().callLog().records()).isEmpty();
    }

    @Test
    void aRunStoppedByRevokedCredentialsExitsOneAndTheRerunFinishesEveryRowOnce() {
        Path input = csv(dir, "revoke.csv", hostsOnOneCertificate("zone-revoke1", "cert-r", 60,
                i -> "h" + i + ".example.com"));
        api.seededRevokingCredentialsAt(input, 20);

        Rotator.Result stopped = rotate(input, "--max-hosts-per-call=1");

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.out()).contains("AuthFailure").contains("run the same command again");
        assertThat(stopped.out() + stopped.err()).as("no stack trace for a stopped run").doesNotContain("\tat ");
        Map<Long, Map<String, String>> afterStop = report(dir.resolve("revoke.results.csv"));
        assertThat(afterStop.values()).anySatisfy(r -> assertThat(r.get("status")).isEqualTo("PENDING"));
        assertThat(afterStop.values()).noneSatisfy(r -> assertThat(r.get("status")).isEqualTo("FAILED"));

        simulator().putCredentials(SECRET_ID, SECRET_KEY);
        Rotator.Result resumed = rotate(input, "--max-hosts-per-call=1");

        assertThat(resumed.exitCode()).isZero();
        Map<Long, Map<String, String>> rows = report(dir.resolve("revoke.results.csv"));
        assertThat(rows).hasSize(60).allSatisfy((line, r) -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(simulator().callLog().succeededByHost(MODIFY)).hasSize(60).allSatisfy((host, count) -> assertThat(count).isEqualTo(1L));
    }

    /**
     * The pacer is in the way of the job's calls, at the rate asked for. The precise ceiling is CallPacer's and
     * ArrivalPacing's tests' (on a fake clock); over real HTTP on a busy machine arrivals can bunch by a few
     * milliseconds, so this run leaves the server's limit twice the rate and checks what load cannot break: no
     * refusal, and calls stretched over at least the time the rate allows them (load only stretches them more).
     */
    @Test
    void aRunSendsItsCallsAtItsRate() {
        Path input = csv(dir, "paced.csv", hostsOnOneCertificate("zone-paced1", "cert-p", 31,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input, "--max-hosts-per-call=1", "--rate=10");

        assertThat(result.exitCode()).isZero();
        assertThat(simulator().callLog().rateLimitRefusals(MODIFY)).isZero();
        long[] arrivals = modifyCalls().stream().mapToLong(CallRecord::arrivalNanos).sorted().toArray();
        // 31 calls at 10/s: 30 periods of 0.1 s, at least 3.06 s with the pacing margin; unpaced they take ~0.1 s
        assertThat(Duration.ofNanos(arrivals[arrivals.length - 1] - arrivals[0])).isGreaterThan(Duration.ofMillis(2_500));
    }

    @Test
    void aDryRunPrintsThePlanAndSendsNothing() {
        Path input = csv(dir, "plan.csv", hostsOnOneCertificate("zone-plan1", "cert-plan", 250,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input, "--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("250 host(s) in 1 target(s) -> 3 call(s)");
        assertThat(simulator().callLog().records()).as("only the zones' state and the live state are read")
                .allSatisfy(call -> assertThat(call.action()).isIn("DescribeZones", "DescribeAccelerationDomains"));
    }

    @Test
    void theSecretKeyAppearsNowhereAfterARun() throws IOException {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        simulatorSeededWith(input);

        Rotator.Result result = rotate(input, "--logging.level.root=DEBUG");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(SECRET_KEY);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(SECRET_KEY);
            }
        }
    }

    @Test
    void aMissingInputFileIsExitTwoWithItsName() {
        simulatorSeededWith(csv(dir, "seed.csv", "zone_id,host,mode,cert_ids"));

        Rotator.Result result = rotate(dir.resolve("nowhere.csv"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nowhere.csv").contains("file not found").doesNotContain("Exception");
    }
}
