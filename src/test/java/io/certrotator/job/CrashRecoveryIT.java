package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command in JVMs of its own, killed, terminated and run side by side, against the simulator in
 * this JVM. The runs are slowed by the simulator's latency so that there is a middle to kill them in.
 */
class CrashRecoveryIT {

    static final String SECRET_ID = "AKIDcrashrecovery";
    static final String SECRET_KEY = "crash-recovery-secret-key-4711";
    static final String MODIFY = "ModifyHostsCertificate";
    static final int CONCURRENCY = 8;

    @TempDir
    Path dir;
    EdgeOneSimulator simulator;
    final AtomicInteger okCalls = new AtomicInteger();
    final CountDownLatch firstCall = new CountDownLatch(1);

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private Path input(String name, String zone, int hosts) {
        return csv(dir, name, hostsOnOneCertificate(zone, "cert-" + zone, hosts, i -> "h" + i + "." + zone + ".com"));
    }

    private void simulatorFor(Path seed, Duration latency) {
        EdgeOneSimulator.Builder builder = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY)
                .latency(latency, Duration.ZERO)
                .onCall(call -> {
                    if (call.action().equals(MODIFY)) {
                        firstCall.countDown();
                        if (call.succeeded()) {
                            okCalls.incrementAndGet();
                        }
                    }
                });
        simulator = builder.seedCsv(seed).build().start();
    }

    private ChildRun child(Path input, String... more) {
        List<String> args = new ArrayList<>(List.of("--input=" + input,
                "--endpoint=http://127.0.0.1:" + simulator.port(), "--max-hosts-per-call=1",
                "--cert-rotator.concurrency=" + CONCURRENCY));
        args.addAll(List.of(more));
        return ChildRun.start(dir.resolve("home"), SECRET_ID, SECRET_KEY, args.toArray(String[]::new));
    }

    private void awaitOkCalls(int count, ChildRun run) throws InterruptedException {
        run.awaitOkCalls(okCalls, count);
    }

    private Map<String, Long> okCallsPerHost() {
        return simulator.callLog().succeededByHost(MODIFY);
    }

    private static Map<String, String> statusByHost(Path report) {
        return report(report).values().stream().collect(Collectors.toMap(r -> r.get("host"), r -> r.get("status")));
    }

    @Test
    void aRunKilledMidwayIsFinishedByTheSameCommandResendingAtMostTheCallsInFlight() throws Exception {
        Path input = input("killed.csv", "zone-killed1", 120);
        simulatorFor(input, Duration.ofMillis(300));

        ChildRun killed = child(input);
        awaitOkCalls(40, killed);
        killed.kill();
        int answeredBeforeTheKill = okCalls.get();

        ChildRun again = child(input);

        assertThat(again.exitCode(120)).as(again.out()).isZero();
        assertThat(again.out()).contains("recovered run");
        Map<Long, Map<String, String>> rows = report(dir.resolve("killed.results.csv"));
        assertThat(rows).hasSize(120).allSatisfy((line, row) -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        Map<String, Long> perHost = okCallsPerHost();
        long repeated = perHost.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("kill -9 after %d answered calls: %d call(s) sent again, concurrency %d%n",
                answeredBeforeTheKill, repeated, CONCURRENCY);
        assertThat(perHost).hasSize(120);
        assertThat(repeated).isLessThanOrEqualTo(CONCURRENCY);
    }

    @Test
    void sigtermRecordsTheCallsInFlightWritesTheReportAndExitsOne() throws Exception {
        Path input = input("termed.csv", "zone-termed1", 120);
        simulatorFor(input, Duration.ofMillis(800));

        ChildRun termed = child(input);
        awaitOkCalls(20, termed);
        termed.terminate();

        assertThat(termed.exitCode(60)).as(termed.out()).isEqualTo(1);
        assertThat(termed.out()).contains("stopped by SIGTERM").contains("run the same command again");
        // one zone: its hosts are read back after its last call, which the stop came before
        Map<String, Map<String, String>> afterStop = report(dir.resolve("termed.results.csv")).values().stream()
                .collect(Collectors.toMap(row -> row.get("host"), row -> row));
        Set<String> answered = okCallsPerHost().keySet();
        assertThat(answered).isNotEmpty().hasSizeLessThan(120);
        assertThat(afterStop).hasSize(120).allSatisfy((host, row) -> {
            assertThat(row.get("status")).as(host).isEqualTo("PENDING");
            assertThat(row.get("request_id").isEmpty()).as(host + " accepted").isEqualTo(!answered.contains(host));
        });
        assertThat(termed.out()).contains("120 pending (" + answered.size() + " of them accepted by the API, to be "
                + "read back by the next run)");

        ChildRun again = child(input);

        assertThat(again.exitCode(120)).as(again.out()).isZero();
        assertThat(statusByHost(dir.resolve("termed.results.csv"))).hasSize(120).containsOnlyKeys(
                okCallsPerHost().keySet()).allSatisfy((host, status) -> assertThat(status).isEqualTo("SUCCEEDED"));
        assertThat(okCallsPerHost()).allSatisfy((host, calls) -> assertThat(calls).as(host).isEqualTo(1L));
        // what rollback puts back: the hosts accepted before the stop were read again by the resume, on the target
        assertThat(report(dir.resolve("termed.results.csv")).values()).allSatisfy(row -> assertThat(
                row.get("previous_cert_ids")).as(row.get("host")).isEqualTo(
                afterStop.get(row.get("host")).get("previous_cert_ids")).isNotEqualTo("cert-zone-termed1"));
    }

    @Test
    void aHostAcceptedBeforeASigtermIsReadBackByTheNextRunNotTakenForDone() throws Exception {
        Path input = input("offline.csv", "zone-offline1", 60);
        simulatorFor(input, Duration.ofMillis(800));
        Predicate<String> offline = host -> Integer.parseInt(host.substring(1, host.indexOf('.'))) % 2 == 0;
        for (int i = 0; i < 60; i += 2) {
            // the API accepts an offline host's change without applying it
            simulator.state().setDomainStatus("zone-offline1", "h" + i + ".zone-offline1.com", "offline");
        }

        ChildRun termed = child(input);
        awaitOkCalls(20, termed);
        termed.terminate();
        assertThat(termed.exitCode(60)).as(termed.out()).isEqualTo(1);
        Set<String> acceptedBeforeTheStop = okCallsPerHost().keySet();
        assertThat(acceptedBeforeTheStop).anyMatch(offline).anyMatch(offline.negate());

        ChildRun again = child(input);

        assertThat(again.exitCode(120)).as(again.out()).isEqualTo(3);
        assertThat(statusByHost(dir.resolve("offline.results.csv"))).hasSize(60).allSatisfy((host, status) ->
                assertThat(status).as(host).isEqualTo(offline.test(host) ? "FAILED" : "SUCCEEDED"));
        assertThat(okCallsPerHost()).allSatisfy((host, calls) -> {
            if (!offline.test(host)) {
                assertThat(calls).as(host + " sent once").isEqualTo(1L);
            }
        });
    }

    @Test
    void aSecondRunOfTheSameInputRefusesWhileTheFirstIsAliveAndNamesIt() throws Exception {
        Path input = input("once.csv", "zone-once1", 40);
        simulatorFor(input, Duration.ofMillis(300));
        // at 3 calls/s the first run lasts about 13 s: time for the second to start even on a busy machine
        ChildRun first = child(input, "--rate=3");
        assertThat(firstCall.await(60, TimeUnit.SECONDS)).as(first.out()).isTrue();

        Rotator.Result second = new Rotator(dir.resolve("home")).run(new Credential(SECRET_ID, SECRET_KEY),
                "--input=" + input, "--endpoint=http://127.0.0.1:" + simulator.port(), "--max-hosts-per-call=1");

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("another run of this input is in progress").contains("pid " + first.pid());
        assertThat(first.exitCode(120)).as(first.out()).isZero();
        assertThat(okCallsPerHost()).hasSize(40).allSatisfy((host, calls) -> assertThat(calls).isEqualTo(1L));
    }

    @Test
    void runsOfDifferentInputsShareTheJobRepositorySideBySide() throws Exception {
        Path small = input("small.csv", "zone-small1", 15);
        Path large = input("large.csv", "zone-large1", 45);
        List<String> both = new ArrayList<>(Files.readAllLines(small));
        both.addAll(Files.readAllLines(large).subList(1, 46));
        simulatorFor(csv(dir, "both.csv", both), Duration.ofMillis(200));

        ChildRun first = child(small, "--rate=8");
        ChildRun second = child(large, "--rate=8");

        assertThat(first.exitCode(120)).as(first.out()).isZero();
        assertThat(second.exitCode(120)).as(second.out()).isZero();
        assertThat(statusByHost(dir.resolve("small.results.csv")).values()).hasSize(15).containsOnly("SUCCEEDED");
        assertThat(statusByHost(dir.resolve("large.results.csv")).values()).hasSize(45).containsOnly("SUCCEEDED");
    }
}
