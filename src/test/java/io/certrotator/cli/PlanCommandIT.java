package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.Certificate;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code plan} over real HTTP against the simulator, on an estate of several zones ({@link PlannedEstate}), and the
 * rotation of the plan it writes.
 */
class PlanCommandIT {

    static final Credential CREDENTIAL = new Credential(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY);

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

    private ConsoleCapture plan(String... options) {
        List<String> args = new ArrayList<>(List.of("plan"));
        args.addAll(common());
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> PlanCommand.run(CREDENTIAL, args.toArray(String[]::new)));
    }

    /** The plan's rows without the expiry columns, which move with the clock. */
    private static List<String> rowsWithoutExpiry(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(line -> {
            String[] cells = line.split(",", -1);
            return String.join(",", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[8]);
        }).toList();
    }

    @Test
    void expiringWithinSelectsTheExpiringCertificatesAndChoosesTheirReplacements() throws IOException {
        Path csv = dir.resolve("rotation.csv");

        ConsoleCapture run = plan("--expiring-within=30d", "--output=" + csv, "--verbose");

        assertThat(rowsWithoutExpiry(csv)).containsExactly(
                "zone_id,host,mode,cert_ids,current_mode,current_cert_ids,reason",
                "zone-net1,off.example.net,sslcert,cert-net-new,sslcert,cert-net-old,host offline",
                "zone-paused1,a.example.net,sslcert,cert-net-new,sslcert,cert-net-old,zone paused; host offline",
                "zone-shop1,api.shop.example.com,sslcert,cert-wild-new;cert-ecc,sslcert,cert-old-rsa;cert-ecc,",
                "zone-shop1,shop.example.com,sslcert,cert-full-new,sslcert,cert-old-rsa,",
                "zone-shop1,www.shop.example.com,sslcert,cert-wild-new,sslcert,cert-old-rsa,");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out()).contains("plan: " + csv + " (5 rows)")
                .contains("hosts selected: 6, 5 with a replacement, 1 without one")
                .contains("1  no certificate covers it")
                .contains("hosts on EdgeOne's free certificates, which EdgeOne renews: 1")
                .contains("zone-blog1  blog.example.org  no certificate covers it")
                .contains("zone-shop1  free.shop.example.com  EdgeOne renews its free certificate");
    }

    @Test
    void thePlanIsARotationInputThatKeepsEveryEccCertificate() {
        Path csv = dir.resolve("rotation.csv");
        assertThat(plan("--expiring-within=30d", "--output=" + csv).exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        List<String> eccBefore = eccCertificatesOnHosts();
        List<String> args = new ArrayList<>(List.of("rotate", "--input=" + csv));
        args.addAll(common());

        ConsoleCapture rotation = ConsoleCapture.of(() -> RotateCommand.run(CREDENTIAL, args.toArray(String[]::new)));

        assertThat(rotation.out()).as(rotation.all()).contains("rows: 5 total, 3 succeeded, 2 failed, 0 invalid")
                .contains("OperationDenied.ErrZoneIsAlreadyPaused").contains("VerificationFailed");
        assertThat(sim.host(PlannedEstate.SHOP, "api.shop.example.com").certIds())
                .containsExactlyInAnyOrder("cert-wild-new", "cert-ecc");
        assertThat(sim.host(PlannedEstate.SHOP, "www.shop.example.com").certIds()).containsExactly("cert-wild-new");
        assertThat(sim.host(PlannedEstate.SHOP, "shop.example.com").certIds()).containsExactly("cert-full-new");
        assertThat(sim.host(PlannedEstate.NET, "off.example.net").certIds()).as("offline: accepted, not applied")
                .containsExactly("cert-net-old");
        assertThat(sim.host(PlannedEstate.PAUSED, "a.example.net").certIds()).containsExactly("cert-net-old");
        assertThat(eccCertificatesOnHosts()).isEqualTo(eccBefore).isNotEmpty();
    }

    /** Each host's ECC certificates, as the simulator holds them: "zone host cert". */
    private static List<String> eccCertificatesOnHosts() {
        EdgeOneState state = sim.simulator().state();
        List<String> ecc = new ArrayList<>();
        state.zones().forEach(zone -> state.hosts(zone.zoneId()).forEach(host ->
                sim.host(zone.zoneId(), host).certIds().stream()
                        .filter(id -> state.certificate(id).map(cert -> cert.algorithm().startsWith("ECC"))
                                .orElse(false))
                        .forEach(id -> ecc.add(zone.zoneId() + " " + host + " " + id))));
        return ecc;
    }

    @Test
    void replaceNamesTheCertificateAndTheHostGlobNarrowsTheHosts() throws IOException {
        ConsoleCapture run = plan("--replace=cert-old-rsa=cert-full-new", "--host=*.shop.example.com", "--output=-");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out().lines().skip(1).map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 4))))
                .containsExactly("zone-shop1,api.shop.example.com,sslcert,cert-full-new;cert-ecc",
                        "zone-shop1,www.shop.example.com,sslcert,cert-full-new");
        assertThat(run.err()).contains("hosts selected: 2, 2 with a replacement, 0 without one");
    }

    @Test
    void replaceNamingAnOldCertificateTheEstateDoesNotHaveIsExit2NamingIt() {
        Path csv = dir.resolve("rotation.csv");

        ConsoleCapture run = plan("--replace=cert-nope", "--output=" + csv);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().startsWith("cert-rotator plan: --replace")
                .contains("cert-nope");
        assertThat(csv).doesNotExist();
    }

    @Test
    void replaceNamingANewCertificateTheAccountDoesNotHaveIsExit2NamingIt() {
        Path csv = dir.resolve("rotation.csv");

        ConsoleCapture run = plan("--replace=cert-old-rsa=cert-nope", "--output=" + csv);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().startsWith("cert-rotator plan: --replace")
                .contains("cert-nope").doesNotContain("cert-old-rsa");
        assertThat(csv).doesNotExist();
    }

    /** As the SSL service lists a certificate past its end: status 3, expired. */
    @Test
    void replaceWithAnExpiredCertificateIsExit2NamingItsNotAfterAndWritesNoPlan() {
        Instant expired = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        sim.simulator().state().putCertificate(new Certificate("cert-shop-expired",
                new LinkedHashSet<>(List.of("shop.example.com", "*.shop.example.com")), Certificate.DEFAULT_NOT_BEFORE,
                expired, "RSA 2048", "", 3));
        Path csv = dir.resolve("rotation.csv");

        ConsoleCapture run = plan("--replace=cert-old-rsa=cert-shop-expired", "--output=" + csv);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("cert-rotator plan: --replace: cert-shop-expired has expired"
                + " (not_after " + expired + "): name a certificate that is issued and valid now, or give"
                + " --replace=cert-old-rsa alone for the best candidate");
        assertThat(csv).doesNotExist();
    }

    @Test
    void replaceWithACertificateNotIssuedIsExit2NamingItsStatus() {
        Instant notAfter = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
        sim.simulator().state().putCertificate(new Certificate("cert-shop-pending",
                new LinkedHashSet<>(List.of("shop.example.com", "*.shop.example.com")), Certificate.DEFAULT_NOT_BEFORE,
                notAfter, "RSA 2048", "", 0));

        ConsoleCapture run = plan("--replace=cert-old-rsa=cert-shop-pending", "--output=-");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("cert-rotator plan: --replace: cert-shop-pending is not issued (SSL status 0, under review)"
                        + " (not_after " + notAfter + ")");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aNamedReplacementThatDoesNotCoverAHostLeavesTheHostOutWithTheReason() {
        ConsoleCapture run = plan("--replace=cert-net-old=cert-blog-old", "--output=-", "--verbose");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out().lines()).as("the header only").hasSize(1);
        assertThat(run.err()).contains("hosts selected: 2, 0 with a replacement, 2 without one")
                .contains("2  cert-blog-old does not cover it")
                .contains("zone-net1  off.example.net  cert-blog-old does not cover it")
                .contains("zone-paused1  a.example.net  cert-blog-old does not cover it");
    }

    @Test
    void aPagesZoneIsNamedInTheSummaryButDoesNotMakeThePlanIncomplete() {
        EdgeOneState state = sim.simulator().state();
        state.putHost("zone-pages1", "p.pages.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-old-rsa")));
        state.setZoneProfile("zone-pages1", new ZoneProfile("pages.example.com", "pages", "active", true));

        ConsoleCapture run = plan("--expiring-within=30d", "--zone=" + PlannedEstate.SHOP, "--zone=zone-pages1",
                "--output=" + dir.resolve("rotation.csv"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).contains("hosts selected: 4, 3 with a replacement, 1 without one")
                .contains("zone not readable: " + ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(run.err()).contains("zone-pages1 is a Pages zone");
    }

    @Test
    void exactlyOneOfReplaceAndExpiringWithinIsNeeded() {
        ConsoleCapture neither = plan("--output=-");
        ConsoleCapture both = plan("--output=-", "--replace=cert-old-rsa", "--expiring-within=30d");

        assertThat(neither.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(both.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(neither.err()).contains("exactly one of --replace and --expiring-within");
        assertThat(both.err()).contains("exactly one of --replace and --expiring-within");
    }

    @Test
    void theOutputIsRequired() {
        ConsoleCapture run = plan("--expiring-within=30d");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--output");
    }

    @Test
    void anUnknownZoneIsExit2AndWritesNoPlan() {
        Path csv = dir.resolve("rotation.csv");

        ConsoleCapture run = plan("--expiring-within=30d", "--zone=zone-nosuch1", "--output=" + csv);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("zone-nosuch1");
        assertThat(csv).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsExit2BeforeTheEstateIsRead() {
        // Root writes a chmod 555 folder; no one can create a file in /proc.
        ConsoleCapture run = plan("--expiring-within=30d", "--output=/proc/self/rotation.csv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("cert-rotator plan: cannot write the plan /proc/self/rotation.csv: the folder"
                + " /proc/self is not writable (no file can be created there); give --output=FILE in a folder you can"
                + " write" + System.lineSeparator());
        assertThat(sim.callLog().records()).isEmpty();
    }

    @Test
    void anOutputDeviceThatRefusesTheWriteIsExit1InOneLineAndNotReportedWritten() {
        Path devFull = dir.resolve("full");
        assumeTrue(OutputFilesTest.command("mknod", devFull.toString(), "c", "1", "7"), "mknod works here");

        ConsoleCapture run = plan("--expiring-within=30d", "--output=" + devFull);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err()).isEqualTo("cert-rotator plan: cannot write " + devFull + ": no space left on device"
                + System.lineSeparator());
        assertThat(run.out()).doesNotContain("plan: " + devFull);
        assertThat(Files.isRegularFile(devFull)).as("replaced by a regular file").isFalse();
    }
}
