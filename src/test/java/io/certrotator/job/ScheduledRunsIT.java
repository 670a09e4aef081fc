package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.ZoneProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled form, {@code rotate --expiring-within}, as cron starts it: the packaged command in a JVM of its own,
 * overlapped by the next tick and terminated, against the simulator in this JVM. One zone of {@value #HOSTS} hosts on
 * a certificate that expires in 10 days, with a replacement that lasts; the simulator's latency and one host a call
 * give each run a middle.
 */
class ScheduledRunsIT {

    static final String SECRET_ID = "AKIDscheduledruns";
    static final String SECRET_KEY = "scheduled-runs-secret-key-4711";
    static final String ZONE = "zone-many1";
    static final String MODIFY = "ModifyHostsCertificate";
    static final int HOSTS = 40;

    @TempDir
    Path dir;
    EdgeOneSimulator simulator;
    final AtomicInteger okCalls = new AtomicInteger();

    @BeforeEach
    void startSimulator() {
        simulator = estateDue(okCalls);
    }

    /** The estate of these tests, each of its accepted ModifyHostsCertificate calls counted in {@code okCalls}. */
    static EdgeOneSimulator estateDue(AtomicInteger okCalls) {
        return estateDue(okCalls, Duration.ofMillis(300));
    }

    /** @param latency of each call, reads too */
    static EdgeOneSimulator estateDue(AtomicInteger okCalls, Duration latency) {
        EdgeOneSimulator simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY)
                .latency(latency, Duration.ZERO)
                .onCall(call -> {
                    if (call.action().equals(MODIFY) && call.succeeded()) {
                        okCalls.incrementAndGet();
                    }
                })
                .build().start();
        EdgeOneState state = simulator.state();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        certificate(state, "cert-many-old", now.plus(Duration.ofDays(10)));
        certificate(state, "cert-many-new", now.plus(Duration.ofDays(400)));
        state.setZoneProfile(ZONE, new ZoneProfile("many.example.com", "full", "active", false));
        for (int i = 0; i < HOSTS; i++) {
            state.putHost(ZONE, "h" + i + ".many.example.com",
                    HostCertificate.deployed("sslcert", List.of("cert-many-old")));
        }
        return simulator;
    }

    private static void certificate(EdgeOneState state, String certId, Instant notAfter) {
        state.putCertificate(new Certificate(certId, new LinkedHashSet<>(List.of("*.many.example.com")),
                Certificate.DEFAULT_NOT_BEFORE, notAfter, "RSA 2048", "", Certificate.ISSUED));
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private List<String> scheduledArgs(String... more) {
        return scheduledArgs(simulator, List.of(more));
    }

    /** A cron tick's command line: the scheduled form against {@code simulator}, one host a call. */
    static List<String> scheduledArgs(EdgeOneSimulator simulator, List<String> more) {
        List<String> args = new ArrayList<>(List.of("rotate", "--expiring-within=30d",
                "--endpoint=http://127.0.0.1:" + simulator.port(), "--max-hosts-per-call=1", "--progress=off"));
        args.addAll(more);
        return args;
    }

    /** The next cron tick, in a JVM of its own. */
    private ChildRun tick(String... more) {
        return ChildRun.start(dir.resolve("home"), SECRET_ID, SECRET_KEY, scheduledArgs(more).toArray(String[]::new));
    }

    /** The next cron tick, in this JVM (its output kept apart). */
    private Rotator.Result tickHere(String... more) {
        return new Rotator(dir.resolve("home")).run(new Credential(SECRET_ID, SECRET_KEY),
                scheduledArgs(more).toArray(String[]::new));
    }

    private void awaitOkCalls(int count, ChildRun run) throws InterruptedException {
        run.awaitOkCalls(okCalls, count);
    }

    private Map<String, Long> okCallsPerHost() {
        return simulator.callLog().succeededByHost(MODIFY);
    }

    private List<Path> plansWritten() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("home").resolve("scheduled"))) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".results.csv")).toList();
        }
    }

    @Test
    void aSecondScheduledRunRefusesWhileTheFirstIsAliveAndNamesIt() throws Exception {
        // at 3 calls/s the first run lasts about 13 s: time for the second to start even on a busy machine
        ChildRun first = tick("--rate=3");
        awaitOkCalls(3, first);

        Rotator.Result second = tickHere();

        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(1);
        assertThat(second.err()).contains("another scheduled rotation is in progress (pid " + first.pid() + " on ");
        assertThat(second.out()).doesNotContain("plan:");
        assertThat(first.exitCode(120)).as(first.out()).isZero();
        assertThat(okCallsPerHost()).hasSize(HOSTS).allSatisfy((host, calls) -> assertThat(calls).isEqualTo(1L));
        assertThat(plansWritten()).hasSize(1);
    }

    @Test
    void aScheduledPlanRotatedByHandWithOtherOptionsRefusesWhileTheScheduledRunIsAlive() throws Exception {
        ChildRun scheduled = tick("--rate=3");
        awaitOkCalls(3, scheduled);
        Path plan = plansWritten().get(0);

        Rotator.Result byHand = new Rotator(dir.resolve("home")).run(new Credential(SECRET_ID, SECRET_KEY),
                "--input=" + plan, "--endpoint=http://127.0.0.1:" + simulator.port(), "--max-hosts-per-call=100",
                "--progress=off");

        assertThat(byHand.exitCode()).as(byHand.out() + byHand.err()).isEqualTo(1);
        assertThat(byHand.err()).contains("another scheduled rotation is in progress (pid " + scheduled.pid() + " on ");
        assertThat(scheduled.exitCode(120)).as(scheduled.out()).isZero();
        assertThat(okCallsPerHost()).hasSize(HOSTS).allSatisfy((host, calls) -> assertThat(calls).isEqualTo(1L));
    }

    @Test
    void aScheduledRunStoppedBySigtermIsResumedByTheNextOneBeforeAnythingIsPlannedAnew() throws Exception {
        ChildRun stopped = tick("--rate=3");
        awaitOkCalls(8, stopped);
        stopped.terminate();
        assertThat(stopped.exitCode(60)).as(stopped.out()).isEqualTo(1);
        List<Path> plans = plansWritten();
        assertThat(plans).hasSize(1);

        Rotator.Result next = tickHere();

        assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).containsPattern("resuming stopped scheduled run \\d+: " + plans.get(0))
                .doesNotContain("plan: ").contains("rows: " + HOSTS + " total, " + HOSTS + " succeeded");
        assertThat(plansWritten()).isEqualTo(plans);
        assertThat(okCallsPerHost()).hasSize(HOSTS).allSatisfy((host, calls) -> assertThat(calls).isEqualTo(1L));
        assertThat(tickHere().out()).contains("nothing to rotate");
    }

    @Test
    void aSigtermDuringTheEstateReadOfAScheduledRunSaysNothingWasPlannedOrSentAndExitsOne() throws Exception {
        try (EdgeOneSimulator slow = estateDue(okCalls, Duration.ofSeconds(3))) {
            ChildRun run = ChildRun.start(dir.resolve("home"), SECRET_ID, SECRET_KEY, "rotate",
                    "--expiring-within=30d", "--endpoint=http://127.0.0.1:" + slow.port(), "--progress=log",
                    "--cert-rotator.progress-interval=200ms");
            run.awaitOutput("reading:");

            run.terminate();

            assertThat(run.exitCode(60)).as(run.out()).isEqualTo(1);
            assertThat(run.out().lines().toList()).as(run.out())
                    .contains("cert-rotator rotate: stopped by SIGTERM while reading the estate: nothing was planned"
                            + " or sent")
                    .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ")
                            || line.startsWith("plan: "));
            assertThat(dir.resolve("home").resolve("scheduled")).doesNotExist();
            assertThat(slow.callLog().records(MODIFY)).isEmpty();
        }
    }

    @Test
    void aScheduledRunWhoseProcessDiedIsRecoveredAndResumedByTheNextOne() throws Exception {
        ChildRun killed = tick("--rate=3");
        awaitOkCalls(8, killed);
        killed.kill();
        List<Path> plans = plansWritten();

        Rotator.Result next = tickHere();

        assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).containsPattern("resuming scheduled run \\d+, left running by a process that is gone: "
                + plans.get(0)).contains("recovered run").contains("rows: " + HOSTS + " total, " + HOSTS + " succeeded");
        assertThat(plansWritten()).isEqualTo(plans);
        assertThat(okCallsPerHost()).hasSize(HOSTS);
    }
}
