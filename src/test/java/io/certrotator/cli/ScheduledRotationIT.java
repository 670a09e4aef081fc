package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.ErrorCodes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rotate --expiring-within=TIME}, the scheduled form, over real HTTP against the simulator: it plans the shop
 * zone of {@link PlannedEstate} under the home and rotates that plan in the same run.
 */
class ScheduledRotationIT {

    static final Credential CREDENTIAL = new Credential(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY);

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder);

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        PlannedEstate.seed(sim.simulator().state());
    }

    private Path scheduledFolder() {
        return dir.resolve("home").resolve(ScheduledPlanning.FOLDER);
    }

    private ConsoleCapture rotate(String... options) {
        List<String> args = new ArrayList<>(List.of("rotate", "--endpoint=http://127.0.0.1:" + sim.port(),
                "--cert-rotator.home=" + dir.resolve("home"), "--progress=off",
                "--cert-rotator.retry.base-delay=100ms"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> RotateCommand.run(CREDENTIAL, args.toArray(String[]::new)));
    }

    private ConsoleCapture scheduledRun(String... options) {
        List<String> args = new ArrayList<>(List.of("--expiring-within=30d", "--zone=" + PlannedEstate.SHOP));
        args.addAll(List.of(options));
        return rotate(args.toArray(String[]::new));
    }

    private List<Path> plansWritten() throws IOException {
        if (!Files.isDirectory(scheduledFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(scheduledFolder())) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".results.csv")).toList();
        }
    }

    @Test
    void aScheduledRunPlansUnderTheHomeAndRotatesTheExpiringHostsKeepingEveryEccCertificate() throws IOException {
        ConsoleCapture run = scheduledRun();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(plansWritten()).hasSize(1);
        Path plan = plansWritten().get(0);
        assertThat(plan.getFileName().toString()).matches("plan-[0-9a-f]{12}\\.csv");
        assertThat(run.out()).contains("plan: " + plan + " (3 rows)")
                .contains("rows: 3 total, 3 succeeded, 0 failed, 0 invalid");
        assertThat(RotateOptions.defaultReport(plan)).exists();
        assertThat(sim.host(PlannedEstate.SHOP, "api.shop.example.com").certIds())
                .containsExactlyInAnyOrder("cert-wild-new", "cert-ecc");
        assertThat(sim.host(PlannedEstate.SHOP, "www.shop.example.com").certIds()).containsExactly("cert-wild-new");
        assertThat(sim.host(PlannedEstate.SHOP, "shop.example.com").certIds()).containsExactly("cert-full-new");
        assertThat(sim.host(PlannedEstate.BLOG, "blog.example.org").certIds()).containsExactly("cert-blog-old");
    }

    @Test
    void onceEverythingIsFreshTheNextScheduledRunPlansNothingAndSendsNoModifyCall() throws IOException {
        ConsoleCapture first = scheduledRun();
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.SUCCEEDED);
        sim.callLog().clear();

        ConsoleCapture second = scheduledRun();

        assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(second.out()).contains("nothing to rotate");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
        assertThat(plansWritten()).hasSize(1);
    }

    @Test
    void aPlanWhoseRunCompletedWithAFailedRowGoesAgainAsANewRoundOnTheNextSchedule() throws IOException {
        sim.simulator().failFirstCalls("www.shop.example.com", 1);
        ConsoleCapture first = scheduledRun("--host=www.shop.example.com", "--cert-rotator.retry.max-attempts=1");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        List<Path> plans = plansWritten();
        sim.callLog().clear();

        ConsoleCapture second = scheduledRun("--host=www.shop.example.com", "--cert-rotator.retry.max-attempts=1");

        assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(plansWritten()).hasSize(1).isEqualTo(plans);
        assertThat(second.out()).contains("plan: " + plans.get(0) + " (1 rows)")
                .containsPattern("round 2 of this plan: run \\d+ completed it \\(.*, 1 of 1 row\\(s\\) not succeeded\\)")
                .doesNotContain("already completed").contains("rows: 1 total, 1 succeeded");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).hasSize(1);
        assertThat(sim.host(PlannedEstate.SHOP, "www.shop.example.com").certIds()).containsExactly("cert-wild-new");
    }

    @Test
    void aRowThatFailsForGoodFailsAgainOnEveryScheduleWithExitThree() throws IOException {
        sim.simulator().failFirstCalls("www.shop.example.com", 100, ErrorCodes.CERT_NOT_MATCH_DOMAIN);
        ConsoleCapture first = scheduledRun("--host=www.shop.example.com");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.ROWS_FAILED);

        ConsoleCapture second = scheduledRun("--host=www.shop.example.com");
        ConsoleCapture third = scheduledRun("--host=www.shop.example.com");

        assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(third.exitCode()).as(third.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(second.out()).contains("round 2 of this plan").contains("rows: 1 total, 0 succeeded, 1 failed");
        assertThat(third.out()).contains("round 3 of this plan").contains("rows: 1 total, 0 succeeded, 1 failed");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).hasSize(3);
        assertThat(plansWritten()).hasSize(1);
    }

    @Test
    void theSummaryOfALaterRoundOfAPlanSaysWhichRoundItIs() {
        sim.simulator().failFirstCalls("www.shop.example.com", 100, ErrorCodes.CERT_NOT_MATCH_DOMAIN);
        scheduledRun("--host=www.shop.example.com");

        ConsoleCapture second = scheduledRun("--host=www.shop.example.com");

        List<String> lines = second.out().lines().toList();
        int rows = lines.indexOf(lines.stream().filter(line -> line.startsWith("rows: ")).findFirst().orElseThrow());
        assertThat(lines.get(rows - 1)).as(second.all())
                .matches("round 2 of this plan: run \\d+ completed it \\(.*, 1 of 1 row\\(s\\) not succeeded\\)");
    }

    @Test
    void aScheduledRunThatDoesNotFinishOnItsResumptionsIsGivenUpAndTheNextOnePlansAnew() throws IOException {
        String[] hosts = {"--host=www.shop.example.com", "--host=new.shop.example.com"};
        int executions = 4; // the first and its three resumptions
        // a CAM policy that lets the estate be read but not changed stops every execution, as the network down would
        sim.simulator().failFirstCalls("www.shop.example.com", executions, ErrorCodes.CAM_UNAUTHORIZED);
        ConsoleCapture first = scheduledRun(hosts);
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.STOPPED);
        for (int resumption = 1; resumption < executions; resumption++) {
            ConsoleCapture resumed = scheduledRun(hosts);
            assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(ExitCodes.STOPPED);
            assertThat(resumed.out()).contains("resuming stopped scheduled run").doesNotContain("plan: ");
        }
        List<Path> stuck = plansWritten();
        host("new.shop.example.com", "cert-old-rsa");

        ConsoleCapture next = scheduledRun(hosts);

        assertThat(next.exitCode()).as(next.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(next.err()).containsPattern("cert-rotator rotate: giving up scheduled run \\d+ \\(now ABANDONED\\): "
                + executions + " executions did not finish it, the last stopped \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: .*"
                + ErrorCodes.CAM_UNAUTHORIZED + ".*; planning anew");
        assertThat(next.out()).doesNotContain("resuming").contains("plan: ").contains("(2 rows)")
                .contains("rows: 2 total, 2 succeeded");
        assertThat(plansWritten()).hasSize(2).containsAll(stuck);
        assertThat(sim.host(PlannedEstate.SHOP, "new.shop.example.com").certIds()).containsExactly("cert-wild-new");
        ConsoleCapture after = scheduledRun(hosts);
        assertThat(after.all()).contains("nothing to rotate").doesNotContain("giving up");
    }

    @Test
    void thePlanOfAGivenUpScheduledRunRotatedByHandSendsNothingAndSaysWhy() throws IOException {
        sim.simulator().failFirstCalls("www.shop.example.com", 100, ErrorCodes.CAM_UNAUTHORIZED);
        for (int tick = 0; tick <= 4; tick++) { // the first, its three resumptions, and the tick that gives it up
            scheduledRun("--host=www.shop.example.com");
        }
        Path givenUp = plansWritten().get(0);
        sim.callLog().clear();

        ConsoleCapture byHand = rotate("--input=" + givenUp);

        assertThat(byHand.exitCode()).as(byHand.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(byHand.err()).containsPattern("cert-rotator: run \\d+ of this input was given up \\(ABANDONED, .*\\):"
                + " it is not resumed, nothing was sent; the next scheduled run plans its hosts still due");
        assertThat(byHand.out()).doesNotContain("resuming");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
    }

    @Test
    void aResumedScheduledRunWithOtherZonesOrHostsSaysItKeepsItsOwnSelection() {
        sim.simulator().failFirstCalls("www.shop.example.com", 1, ErrorCodes.CAM_UNAUTHORIZED);
        ConsoleCapture stopped = scheduledRun("--host=www.shop.example.com");
        assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(ExitCodes.STOPPED);

        ConsoleCapture next = scheduledRun();

        assertThat(next.exitCode()).as(next.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(next.out()).containsPattern("scheduled run \\d+ keeps its own selection \\(--zone="
                        + PlannedEstate.SHOP + ", --host=www.shop.example.com\\); this command's --zone/--host \\(--zone="
                        + PlannedEstate.SHOP + ", every host\\) apply once it has finished")
                .contains("rows: 1 total, 1 succeeded");
        assertThat(sim.host(PlannedEstate.SHOP, "api.shop.example.com").certIds())
                .containsExactlyInAnyOrder("cert-old-rsa", "cert-ecc");
    }

    @Test
    void aResumedScheduledRunWithTheSameZonesAndHostsSaysNothingOfItsSelection() {
        sim.simulator().failFirstCalls("www.shop.example.com", 1, ErrorCodes.CAM_UNAUTHORIZED);
        scheduledRun("--host=www.shop.example.com");

        ConsoleCapture next = scheduledRun("--host=www.shop.example.com");

        assertThat(next.exitCode()).as(next.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(next.out()).contains("resuming stopped scheduled run").doesNotContain("selection");
    }

    private void host(String host, String certId) {
        sim.simulator().state().putHost(PlannedEstate.SHOP, host, HostCertificate.deployed("sslcert", List.of(certId)));
    }

    @Test
    void theInputOfAScheduledPlanRunByHandOnceItCompletedSendsNothing() throws IOException {
        sim.simulator().failFirstCalls("www.shop.example.com", 100, ErrorCodes.CERT_NOT_MATCH_DOMAIN);
        ConsoleCapture scheduled = scheduledRun("--host=www.shop.example.com");
        assertThat(scheduled.exitCode()).as(scheduled.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        sim.callLog().clear();

        ConsoleCapture byHand = rotate("--input=" + plansWritten().get(0));

        assertThat(byHand.out()).contains("already completed");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
    }

    @Test
    void anEmptyPlanWithAZoneNotReadSaysSoRatherThanThatNothingExpiresAndExitsThree() {
        sim.simulator().state().setZoneProfile(PlannedEstate.BLOG, new ZoneProfile("example.org", "full", "active", true));

        ConsoleCapture run = rotate("--expiring-within=30d", "--zone=" + PlannedEstate.BLOG);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.err()).contains("zone " + PlannedEstate.BLOG + " not readable");
        assertThat(run.out()).contains("nothing to rotate in the zones read; 1 zone could not be read (see above)")
                .doesNotContain("no certificate expires");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
    }

    @Test
    void aScheduledDryRunPrintsThePlanAndSendsNothing() throws IOException {
        EdgeOneState state = sim.simulator().state();
        List<String> before = state.hosts(PlannedEstate.SHOP).stream()
                .map(host -> host + " " + sim.host(PlannedEstate.SHOP, host).certIds()).toList();

        ConsoleCapture run = scheduledRun("--dry-run");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).startsWith("zone_id,host,mode,cert_ids")
                .contains("zone-shop1,www.shop.example.com,sslcert,cert-wild-new");
        assertThat(sim.callLog().records("ModifyHostsCertificate")).isEmpty();
        assertThat(plansWritten()).isEmpty();
        assertThat(state.hosts(PlannedEstate.SHOP).stream()
                .map(host -> host + " " + sim.host(PlannedEstate.SHOP, host).certIds()).toList()).isEqualTo(before);
    }

    @Test
    void inputAndExpiringWithinExcludeEachOther() throws IOException {
        ConsoleCapture run = rotate("--expiring-within=30d", "--input=" + dir.resolve("rotation.csv"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--input and --expiring-within exclude each other");
        assertThat(sim.callLog().records()).isEmpty();
        assertThat(plansWritten()).isEmpty();
    }

    @Test
    void siteAndEndpointExcludeEachOtherInTheScheduledForm() throws IOException {
        ConsoleCapture run = scheduledRun("--site=intl");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cert-rotator rotate: " + ApiAccessOptions.SITE_OR_ENDPOINT);
        assertThat(sim.callLog().records()).isEmpty();
        assertThat(plansWritten()).isEmpty();
    }

    @Test
    void zoneAndHostNeedExpiringWithin() {
        ConsoleCapture run = rotate("--input=" + dir.resolve("rotation.csv"), "--zone=" + PlannedEstate.SHOP);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--zone and --host go with --expiring-within");
        assertThat(sim.callLog().records()).isEmpty();
    }
}
