package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.simulator.BadBody;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.Faults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/** What the job does when the API misbehaves: the simulator's fault knobs, over HTTP, in this JVM. */
class FaultToleranceIT {

    static final String SECRET_ID = "AKIDfaulttolerance";
    static final String SECRET_KEY = "fault-tolerance-secret-key-31337";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY);
    static final String MODIFY = "ModifyHostsCertificate";

    /** Hosts on one old certificate; cert-org covers *.example.org only; cert-expired is past its date. */
    static final String STATE = """
            {
              "zones": [
                { "zoneId": "zone-mixed1", "hosts": [
                    { "host": "a.example.org", "certIds": ["cert-old"] },
                    { "host": "b.example.org", "certIds": ["cert-old"] },
                    { "host": "c.example.org", "certIds": ["cert-old"] },
                    { "host": "d.example.org", "certIds": ["cert-old"] },
                    { "host": "x.other.net", "certIds": ["cert-old"] } ] },
                { "zoneId": "zone-paused1", "status": "paused", "hosts": [
                    { "host": "p1.example.org", "certIds": ["cert-old"] },
                    { "host": "p2.example.org", "certIds": ["cert-old"] } ] },
                { "zoneId": "zone-certs1", "hosts": [
                    { "host": "e1.example.org", "certIds": ["cert-old"] },
                    { "host": "e2.example.org", "certIds": ["cert-old"] },
                    { "host": "m1.example.org", "certIds": ["cert-old"] },
                    { "host": "m2.example.org", "certIds": ["cert-old"] } ] }
              ],
              "certificates": [
                { "certId": "cert-old", "names": ["*.example.org", "*.other.net"] },
                { "certId": "cert-org", "names": ["*.example.org"] },
                { "certId": "cert-expired", "names": ["*.example.org"], "notAfter": "2020-01-01T00:00:00Z" }
              ]
            }""";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    private void simulatorSeededWith(Path csv, UnaryOperator<EdgeOneSimulator.Builder> more) {
        api.seededWith(csv, more);
    }

    private void simulatorWithState() throws IOException {
        Path state = Files.writeString(dir.resolve("state.json"), STATE);
        api.start(builder -> builder.stateFile(state));
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    private Rotator.Result rotate(Credential credential, Path input, String... options) {
        return rotator.rotate(credential, input, api.endpointOption(), options);
    }

    private Rotator.Result rotate(Path input, String... options) {
        return rotate(CREDENTIAL, input, options);
    }

    private List<CallRecord> modifyCalls() {
        return simulator().callLog().records(MODIFY);
    }

    private static Map<String, Map<String, String>> byHost(Path report) {
        return report(report).values().stream().collect(Collectors.toMap(r -> r.get("host"), r -> r));
    }

    @Test
    void transientErrorsBadGatewaysAndDroppedConnectionsAreRetriedUntilEveryRowSucceeds() {
        Path input = csv(dir, "flaky.csv", hostsOnOneCertificate("zone-flaky1", "cert-f", 60,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input, b -> b.randomSeed(5).faults(Faults.NONE.withTransientErrorRate(0.15)
                .withHttp502Rate(0.05).withDropRate(0.05).withBadBodies(0.03, BadBody.NOT_JSON)));

        Rotator.Result result = rotate(input, "--max-hosts-per-call=3");

        assertThat(result.exitCode()).isZero();
        assertThat(report(dir.resolve("flaky.results.csv")).values()).hasSize(60)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(modifyCalls()).anySatisfy(call -> assertThat(call.succeeded()).isFalse());
        assertThat(report(dir.resolve("flaky.results.csv")).values())
                .anySatisfy(row -> assertThat(Integer.parseInt(row.get("attempts"))).isGreaterThan(1));
    }

    @Test
    void aMixedGroupRotatesTheGoodHostsAndFailsEachBadOneWithItsOwnCode() throws IOException {
        simulatorWithState();
        Path input = csv(dir, "mixed.csv", "zone_id,host,mode,cert_ids",
                "zone-mixed1,a.example.org,sslcert,cert-org",
                "zone-mixed1,b.example.org,sslcert,cert-org",
                "zone-mixed1,x.other.net,sslcert,cert-org",
                "zone-mixed1,c.example.org,sslcert,cert-org",
                "zone-mixed1,ghost.example.org,sslcert,cert-org",
                "zone-mixed1,d.example.org,sslcert,cert-org");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        Map<String, Map<String, String>> rows = byHost(dir.resolve("mixed.results.csv"));
        assertThat(List.of("a.example.org", "b.example.org", "c.example.org", "d.example.org"))
                .allSatisfy(host -> assertThat(rows.get(host).get("status")).isEqualTo("SUCCEEDED"));
        assertThat(rows.get("x.other.net")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "InvalidParameter.CertNotMatchDomain");
        assertThat(rows.get("ghost.example.org")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "ResourceUnavailable.HostNotFound");
        assertThat(simulator().hostCertificate("zone-mixed1", "a.example.org")).get()
                .satisfies(h -> assertThat(h.certIds()).containsExactly("cert-org"));
        assertThat(simulator().hostCertificate("zone-mixed1", "x.other.net")).get()
                .satisfies(h -> assertThat(h.certIds()).containsExactly("cert-old"));
    }

    @Test
    void zoneLevelErrorsFailTheWholeGroupWithOneCall() throws IOException {
        simulatorWithState();
        Path input = csv(dir, "zone.csv", "zone_id,host,mode,cert_ids",
                "zone-paused1,p1.example.org,sslcert,cert-org",
                "zone-paused1,p2.example.org,sslcert,cert-org",
                "zone-certs1,e1.example.org,sslcert,cert-expired",
                "zone-certs1,e2.example.org,sslcert,cert-expired",
                "zone-certs1,m1.example.org,sslcert,cert-nowhere",
                "zone-certs1,m2.example.org,sslcert,cert-nowhere",
                "zone-unknown1,u1.example.org,sslcert,cert-org",
                "zone-unknown1,u2.example.org,sslcert,cert-org");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        // the paused zone is known from DescribeZones: its rows fail with the same code, without a call
        assertThat(modifyCalls()).hasSize(3).allSatisfy(call -> assertThat(call.hosts()).hasSize(2));
        Map<String, Map<String, String>> rows = byHost(dir.resolve("zone.results.csv"));
        assertThat(rows).allSatisfy((host, row) -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("attempts")).isEqualTo(host.startsWith("p") ? "0" : "1");
        });
        assertThat(rows.get("p2.example.org").get("error_code")).isEqualTo("OperationDenied.ErrZoneIsAlreadyPaused");
        assertThat(rows.get("e2.example.org").get("error_code")).isEqualTo("FailedOperation.CertificateHasExpired");
        assertThat(rows.get("m2.example.org").get("error_code")).isEqualTo("ResourceUnavailable.CertNotFound");
        assertThat(rows.get("u2.example.org").get("error_code")).isEqualTo("ResourceUnavailable.ZoneNotFound");
    }

    @Test
    void aHostThatFailsTwiceSucceedsOnTheThirdAttempt() {
        Path input = csv(dir, "third.csv", hostsOnOneCertificate("zone-third1", "cert-t", 3,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input, b -> b);
        simulator().failFirstCalls("h1.example.com", 2);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        assertThat(report(dir.resolve("third.results.csv")).values()).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SUCCEEDED");
            assertThat(row.get("attempts")).isEqualTo("3");
        });
        assertThat(modifyCalls()).hasSize(3);
    }

    @Test
    void rowsWhoseAttemptsRunOutFailWithTheLastCode() {
        Path input = csv(dir, "worn.csv", hostsOnOneCertificate("zone-worn1", "cert-w", 4,
                i -> "h" + i + ".example.com"));
        AtomicInteger failures = new AtomicInteger();
        simulatorSeededWith(input, b -> b.onCall(call -> {
            if (call.hosts().contains("h2.example.com") && failures.incrementAndGet() == 3) {
                simulator().failFirstCalls("h2.example.com", 100, "InternalError.ConfigLocked");
            }
        }));
        simulator().failFirstCalls("h2.example.com", 3, "InvalidParameter.ActionInProgress");

        Rotator.Result result = rotate(input, "--max-hosts-per-call=1");

        assertThat(result.exitCode()).isEqualTo(3);
        Map<String, Map<String, String>> rows = byHost(dir.resolve("worn.results.csv"));
        assertThat(rows.get("h2.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "InternalError.ConfigLocked").containsEntry("attempts", "6");
        assertThat(rows).allSatisfy((host, row) -> {
            if (!host.equals("h2.example.com")) {
                assertThat(row).containsEntry("status", "SUCCEEDED").containsEntry("attempts", "1");
            }
        });
    }

    /** Hosts h0 to h{count - 1} of one zone on one certificate, h0's first {@code failures} calls failing. */
    private Path hostsWithH0FailingFirst(String zoneId, int count, int failures) {
        Path input = csv(dir, zoneId + ".csv", hostsOnOneCertificate(zoneId, "cert-1", count,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input, b -> b);
        simulator().failFirstCalls("h0.example.com", failures);
        return input;
    }

    /** The host of each single-host call, in the order they arrived. */
    private List<String> hostOrder() {
        return modifyCalls().stream().map(call -> call.hosts().get(0)).toList();
    }

    @Test
    void aCallWaitingForItsRetryDoesNotHoldUpTheOthers() {
        Path input = hostsWithH0FailingFirst("zone-busy1", 8, 3);

        // two call workers: one waits out h0's back-off (a retry keeps its worker), the other sends the rest
        Rotator.Result result = rotate(input, "--max-hosts-per-call=1", "--cert-rotator.concurrency=2");

        assertThat(result.exitCode()).isZero();
        List<String> order = hostOrder();
        int firstTry = order.indexOf("h0.example.com");
        int lastTry = order.lastIndexOf("h0.example.com");
        assertThat(order.subList(firstTry, lastTry)).as("calls sent while h0 waited for its retries")
                .anySatisfy(host -> assertThat(host).isNotEqualTo("h0.example.com"));
    }

    @Test
    void aDueRetryGoesAheadOfTheGroupsNotTriedYet() {
        Path input = hostsWithH0FailingFirst("zone-queue1", 60, 1);

        // 4 workers and up to 16 groups outstanding: behind the queued groups the retry would wait 12 calls more
        Rotator.Result result = rotate(input, "--max-hosts-per-call=1", "--cert-rotator.concurrency=4");

        assertThat(result.exitCode()).isZero();
        List<String> order = hostOrder();
        int firstTry = order.indexOf("h0.example.com");
        int retry = order.lastIndexOf("h0.example.com");
        // the back-off (at most 100 ms in tests: 2 spacings) and the 4 workers already waiting for a token
        assertThat(retry - firstTry - 1).as("calls sent between h0's first try and its retry").isLessThanOrEqualTo(7);
    }

    @Test
    void aWrongSecretStopsTheRunWithinAFewCallsAndTheRightOneFinishesIt() {
        Path input = csv(dir, "secret.csv", hostsOnOneCertificate("zone-secret1", "cert-s", 30,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input, b -> b);

        Rotator.Result stopped = rotate(new Credential(SECRET_ID, "not-the-secret"), input, "--max-hosts-per-call=1");

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.out()).contains("AuthFailure.SignatureFailure").contains("run the same command again");
        assertThat(modifyCalls()).hasSizeLessThanOrEqualTo(3);
        assertThat(report(dir.resolve("secret.results.csv")).values()).hasSize(30)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));

        Rotator.Result resumed = rotate(input, "--max-hosts-per-call=1");

        assertThat(resumed.exitCode()).isZero();
        assertThat(report(dir.resolve("secret.results.csv")).values()).hasSize(30)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void anEndpointThatAnswersNoCallStopsTheRunAtItsFirstReadWithTheRowsPendingForTheSameCommandToResume()
            throws IOException {
        Path input = csv(dir, "unreachable.csv", hostsOnOneCertificate("zone-gone1", "cert-u", 3,
                i -> "h" + i + ".example.com"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Rotator.Result lost = rotator.rotate(CREDENTIAL, input, "--endpoint=http://127.0.0.1:" + closedPort,
                "--cert-rotator.retry.max-attempts=2");

        assertThat(lost.exitCode()).as(lost.out()).isEqualTo(1);
        assertThat(lost.out()).contains("lost the connection to the API: no call has had an answer since")
                .contains("(DescribeZones: NetworkError").doesNotContain("\tat ");
        assertThat(report(dir.resolve("unreachable.results.csv")).values()).hasSize(3)
                .allSatisfy(row -> assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", "0"));

        simulatorSeededWith(input, b -> b);
        Rotator.Result resumed = rotate(input);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(report(dir.resolve("unreachable.results.csv")).values()).hasSize(3)
                .allSatisfy(row -> assertThat(row).containsEntry("status", "SUCCEEDED"));
    }

    @Test
    void anApiThatGoesAwayMidRunStopsItWithNoRowFailedAndTheSameCommandFinishesIt() throws Exception {
        Path input = csv(dir, "outage.csv", hostsOnOneCertificate("zone-outage1", "cert-o", 200,
                i -> "h" + i + ".example.com"));
        CountDownLatch answered = new CountDownLatch(30);
        EdgeOneSimulator first = api.seededWith(input, b -> b.latency(Duration.ofMillis(100), Duration.ZERO)
                .onCall(call -> {
                    if (call.action().equals(MODIFY) && call.succeeded()) {
                        answered.countDown();
                    }
                }));
        String endpoint = api.endpointOption();
        CompletableFuture<Rotator.Result> run = CompletableFuture.supplyAsync(() ->
                rotator.rotate(CREDENTIAL, input, endpoint, "--max-hosts-per-call=1"));
        assertThat(answered.await(60, TimeUnit.SECONDS)).as("30 calls answered").isTrue();

        first.close();
        Rotator.Result lost = run.get(120, TimeUnit.SECONDS);

        assertThat(lost.exitCode()).as(lost.out()).isEqualTo(1);
        assertThat(lost.out()).contains("lost the connection to the API");
        assertThat(report(dir.resolve("outage.results.csv")).values()).hasSize(200)
                .allSatisfy(row -> assertThat(row.get("status")).as(row.get("host")).isEqualTo("PENDING"));

        api.seededWith(input);
        Rotator.Result resumed = rotate(input, "--max-hosts-per-call=1");

        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        assertThat(report(dir.resolve("outage.results.csv")).values()).hasSize(200)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @ParameterizedTest
    @EnumSource(BadBody.class)
    void aBadBodyIsRetriedThenFailsTheRowsWithoutACrash(BadBody kind) {
        Path input = csv(dir, "garbage.csv", hostsOnOneCertificate("zone-garbage1", "cert-g", 2,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input, b -> b.faults(Faults.NONE.withBadBodies(1.0, kind)));

        Rotator.Result result = rotate(input, "--cert-rotator.retry.max-attempts=3");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(report(dir.resolve("garbage.results.csv")).values()).hasSize(2).allSatisfy(row -> {
            assertThat(row).containsEntry("status", "FAILED").containsEntry("error_code", "InvalidResponse")
                    .containsEntry("attempts", "3");
        });
        assertThat(modifyCalls()).hasSize(3);
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void everyRetryTakesATokenFromThePacer() {
        Path input = csv(dir, "rate.csv", hostsOnOneCertificate("zone-rate1", "cert-r", 25,
                i -> "h" + i + ".example.com"));
        simulatorSeededWith(input, b -> b.randomSeed(3).transientErrorRate(0.3));

        Rotator.Result result = rotate(input, "--max-hosts-per-call=1", "--rate=10");

        assertThat(result.exitCode()).isZero();
        long[] arrivals = modifyCalls().stream().mapToLong(CallRecord::arrivalNanos).sorted().toArray();
        assertThat(arrivals.length).as("retries were made").isGreaterThan(25);
        long spacing = CallPacer.spacing(10).toNanos();
        assertThat(arrivals[arrivals.length - 1] - arrivals[0]).as("the span of %d paced calls", arrivals.length)
                .isGreaterThanOrEqualTo((arrivals.length - 1) * spacing - Duration.ofMillis(100).toNanos());
    }
}
