package io.certrotator.cli;

import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.SimulatorExtension;
import io.certrotator.simulator.ZoneProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rollback} over real HTTP against the simulator: a run of a plan on {@link PlannedEstate} (an RSA+ECC pair
 * host among its hosts), then the rollback CSV of that run, run as any input.
 */
class RollbackCommandIT {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder);

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        PlannedEstate.seed(sim.simulator().state());
    }

    private List<String> common() {
        return List.of("--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off", "--cert-rotator.retry.base-delay=100ms");
    }

    private ConsoleCapture rotate(Path csv) {
        List<String> args = new ArrayList<>(List.of("rotate", "--input=" + csv));
        args.addAll(common());
        return ConsoleCapture.of(() -> RotateCommand.run(PlanCommandIT.CREDENTIAL, args.toArray(String[]::new)));
    }

    private ConsoleCapture rollback(String... options) {
        List<String> args = new ArrayList<>(List.of("rollback"));
        args.addAll(List.of(options));
        args.add("--endpoint=http://127.0.0.1:" + sim.port());
        args.add("--cert-rotator.home=" + dir.resolve("home"));
        args.add("--cert-rotator.retry.base-delay=100ms");
        return ConsoleCapture.of(() -> RollbackCommand.run(PlanCommandIT.CREDENTIAL, args.toArray(String[]::new)));
    }

    /**
     * Run 1: the plan that replaces the expiring certificates (3 hosts change; the paused zone's host fails, and so
     * does the offline host, which the API takes the change for without applying it).
     */
    private Path rotateThePlan() {
        Path plan = dir.resolve("rotation.csv");
        List<String> args = new ArrayList<>(List.of("plan", "--expiring-within=30d", "--output=" + plan));
        args.addAll(common());
        ConsoleCapture planned = ConsoleCapture.of(() -> PlanCommand.run(PlanCommandIT.CREDENTIAL,
                args.toArray(String[]::new)));
        assertThat(planned.exitCode()).as(planned.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        ConsoleCapture rotation = rotate(plan);
        assertThat(rotation.out()).as(rotation.all()).contains("rows: 5 total, 3 succeeded, 2 failed, 0 invalid");
        return plan;
    }

    /** Every host as the simulator holds it: "zone host mode certs" with the certificates sorted. */
    private static List<String> hostState() {
        EdgeOneState state = sim.simulator().state();
        List<String> hosts = new ArrayList<>();
        state.zones().forEach(zone -> state.hosts(zone.zoneId()).forEach(host -> {
            HostCertificate cert = sim.host(zone.zoneId(), host);
            hosts.add(zone.zoneId() + " " + host + " " + cert.mode() + " "
                    + cert.certIds().stream().sorted().toList());
        }));
        return hosts;
    }

    /** The CSV's lines but its comments. */
    private static List<String> lines(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().filter(line -> !line.startsWith("#")).toList();
    }

    /** The rows' zone, host, mode and certificates. */
    private static List<String> targets(Path csv) throws IOException {
        return lines(csv).stream().skip(1)
                .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 4))).sorted().toList();
    }

    @Test
    void theRollbackCsvPutsEveryChangedHostBackAndItsRollbackIsTheOriginalPlan() throws IOException {
        List<String> before = hostState();
        Path plan = rotateThePlan();
        assertThat(hostState()).isNotEqualTo(before);
        Path back = dir.resolve("back.csv");

        ConsoleCapture rollback = rollback("--run=1", "--output=" + back);

        assertThat(rollback.exitCode()).as(rollback.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(rollback.out()).contains("rollback: " + back + " (run 1, 3 rows to put back)");
        assertThat(targets(back)).contains("zone-shop1,api.shop.example.com,sslcert,cert-old-rsa;cert-ecc");
        ConsoleCapture undo = rotate(back);
        assertThat(undo.out()).as(undo.all()).contains("rows: 3 total, 3 succeeded, 0 failed, 0 invalid");
        assertThat(hostState()).isEqualTo(before);

        Path again = dir.resolve("again.csv");
        ConsoleCapture redo = rollback("--run=2", "--output=" + again);
        assertThat(redo.exitCode()).as(redo.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(targets(again)).isEqualTo(targets(plan).stream()
                .filter(row -> !row.startsWith("zone-paused1") && !row.startsWith("zone-net1")).toList());
    }

    @Test
    void theRollbackOfARollbackIsANewInputThatRunsThoughItHoldsTheOriginalPlansRows() throws IOException {
        Path plan = dir.resolve("rotation.csv");
        List<String> args = new ArrayList<>(List.of("plan", "--expiring-within=30d", "--zone=zone-shop1",
                "--output=" + plan));
        args.addAll(common());
        ConsoleCapture.of(() -> PlanCommand.run(PlanCommandIT.CREDENTIAL, args.toArray(String[]::new)));
        assertThat(rotate(plan).out()).contains("rows: 3 total, 3 succeeded");
        List<String> rotated = hostState();
        Path back = dir.resolve("back.csv");
        rollback("--run=1", "--output=" + back);
        assertThat(rotate(back).out()).contains("rows: 3 total, 3 succeeded");
        Path again = dir.resolve("again.csv");
        rollback("--run=2", "--output=" + again);
        assertThat(lines(again)).isEqualTo(Files.readAllLines(plan));

        ConsoleCapture redo = rotate(again);

        assertThat(redo.exitCode()).as(redo.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(redo.out()).doesNotContain("already completed").contains("rows: 3 total, 3 succeeded");
        assertThat(hostState()).isEqualTo(rotated);
        assertThat(Files.readAllLines(again).get(0)).startsWith("# rollback of run 2, written ");
    }

    /** The row of {@code host}: its zone_id .. new_not_after cells (the reason left out). */
    private static List<String> rowOf(Path csv, String host) throws IOException {
        return lines(csv).stream().map(line -> List.of(line.split(",", -1)))
                .filter(cells -> cells.get(1).equals(host)).findFirst().orElseThrow().subList(0, 8);
    }

    @Test
    void theRollbackCsvsExpiriesAreThoseOfTheCertificatesThatGoAndComeNotOfOneThatStays() throws IOException {
        Path plan = rotateThePlan();
        List<String> planned = rowOf(plan, "api.shop.example.com");
        Path back = dir.resolve("back.csv");
        rollback("--run=1", "--output=" + back);

        List<String> rolledBack = rowOf(back, "api.shop.example.com");

        assertThat(rolledBack.get(5)).as("cert-ecc stays").isEqualTo("cert-wild-new;cert-ecc");
        assertThat(rolledBack.subList(6, 8)).as("current_not_after, new_not_after: the plan's, swapped")
                .containsExactly(planned.get(7), planned.get(6));
        rotate(back);
        Path again = dir.resolve("again.csv");
        rollback("--run=2", "--output=" + again);
        assertThat(rowOf(again, "api.shop.example.com")).as("the rollback of the rollback").isEqualTo(planned);
    }

    @Test
    void aHostChangedByHandSinceTheRunIsSkippedWithTheReason() throws IOException {
        rotateThePlan();
        sim.simulator().state().putHost("zone-shop1", "www.shop.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-full-new")));
        Path back = dir.resolve("back.csv");

        ConsoleCapture rollback = rollback("--run=1", "--output=" + back);

        assertThat(rollback.exitCode()).as(rollback.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(rollback.out()).contains("(run 1, 2 rows to put back)")
                .contains("not put back: 1 host")
                .contains("zone-shop1 www.shop.example.com: changed since the run: it now carries"
                        + " sslcert cert-full-new (deployed)");
        assertThat(targets(back)).noneMatch(row -> row.contains("www.shop.example.com"));
    }

    /**
     * Run 1 of zone-a1: expired.a.example.com moved off an expired certificate, www.a.example.com on two identical
     * rows, same.a.example.com already on its target.
     */
    private Instant rotateOffAnExpiredCertificate() throws IOException {
        EdgeOneState state = sim.simulator().state();
        Instant expired = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        state.putCertificate(new Certificate("cert-expired", Set.of("*.a.example.com"), expired));
        state.putCertificate(new Certificate("cert-old", Set.of("*.a.example.com"),
                expired.plus(Duration.ofDays(30))));
        state.putCertificate(new Certificate("cert-new", Set.of("*.a.example.com"),
                expired.plus(Duration.ofDays(400))));
        state.setZoneProfile("zone-a1", new ZoneProfile("a.example.com", "full", "active", false));
        state.putHost("zone-a1", "expired.a.example.com", HostCertificate.deployed("sslcert", List.of("cert-expired")));
        state.putHost("zone-a1", "www.a.example.com", HostCertificate.deployed("sslcert", List.of("cert-old")));
        state.putHost("zone-a1", "same.a.example.com", HostCertificate.deployed("sslcert", List.of("cert-new")));
        Path csv = dir.resolve("rotation.csv");
        Files.writeString(csv, """
                zone_id,host,mode,cert_ids
                zone-a1,expired.a.example.com,sslcert,cert-new
                zone-a1,www.a.example.com,sslcert,cert-new
                zone-a1,www.a.example.com,sslcert,cert-new
                zone-a1,same.a.example.com,sslcert,cert-new
                """);
        ConsoleCapture rotation = rotate(csv);
        assertThat(rotation.out()).as(rotation.all()).contains("rows: 4 total, 4 succeeded, 0 failed, 0 invalid");
        return expired;
    }

    @Test
    void aHostWhoseCertificateToPutBackHasExpiredIsLeftOutWithItsEndAndTheRollbackIsExit3() throws IOException {
        Instant expired = rotateOffAnExpiredCertificate();
        Path back = dir.resolve("back.csv");

        ConsoleCapture rollback = rollback("--run=1", "--output=" + back);

        assertThat(rollback.exitCode()).as(rollback.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(rollback.out()).contains("(run 1, 1 row to put back)", "not put back: 1 host",
                "zone-a1 expired.a.example.com: certificate expired: cert-expired (not after " + expired + ")");
        assertThat(targets(back)).containsExactly("zone-a1,www.a.example.com,sslcert,cert-old");
        ConsoleCapture undo = rotate(back);
        assertThat(undo.exitCode()).as(undo.all()).isEqualTo(ExitCodes.SUCCEEDED);
    }

    @Test
    void aHostOnDuplicateRowsIsPutBackOnceAndARowFoundOnItsTargetHasNothingToPutBack() throws IOException {
        rotateOffAnExpiredCertificate();
        Path back = dir.resolve("back.csv");

        ConsoleCapture rollback = rollback("--run=1", "--output=" + back);

        assertThat(rollback.out()).as(rollback.all()).contains("(run 1, 1 row to put back)");
        assertThat(targets(back)).noneMatch(row -> row.contains("same.a.example.com"))
                .filteredOn(row -> row.contains("www.a.example.com")).hasSize(1);
    }

    @Test
    void anOutputThatIsTheRunsInputIsExit2BeforeTheEstateIsRead() throws IOException {
        Path plan = rotateThePlan();
        String content = Files.readString(plan);
        sim.callLog().clear();

        ConsoleCapture rollback = rollback("--run=1", "--output=" + dir.resolve(".").resolve("rotation.csv"));

        assertThat(rollback.exitCode()).as(rollback.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rollback.err()).isEqualTo("cert-rotator rollback: --output must not be the input of run 1, "
                + plan + ": it would be overwritten" + System.lineSeparator());
        assertThat(Files.readString(plan)).isEqualTo(content);
        assertThat(sim.callLog().records()).isEmpty();
    }

    /** The run's input is known by its path where the run was started; its content tells a copy from anywhere. */
    @Test
    void anOutputThatHoldsTheRunsInputIsExit2() throws IOException {
        Path plan = rotateThePlan();
        Path copy = Files.copy(plan, Files.createDirectories(dir.resolve("elsewhere")).resolve("copy.csv"));

        ConsoleCapture rollback = rollback("--run=1", "--output=" + copy);

        assertThat(rollback.exitCode()).as(rollback.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rollback.err()).startsWith("cert-rotator rollback: --output must not be the input of run 1")
                .contains(copy + " holds its content").hasLineCount(1);
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(plan));
    }

    @Test
    void anUnknownRunIsExit2() {
        ConsoleCapture rollback = rollback("--run=99", "--output=" + dir.resolve("back.csv"));

        assertThat(rollback.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rollback.err()).contains("no run 99");
        assertThat(dir.resolve("back.csv")).doesNotExist();
    }
}
