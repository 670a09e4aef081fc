package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.SimulatorExtension;
import io.certrotator.simulator.ZoneProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inventory} over real HTTP against the simulator: its formats, its filter and what it does when refused. */
class InventoryCommandIT {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder);

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        PlannedEstate.seed(sim.simulator().state());
    }

    private ConsoleCapture inventory(String... options) {
        List<String> args = new ArrayList<>(List.of("inventory", "--endpoint=http://127.0.0.1:" + sim.port(),
                "--cert-rotator.home=" + dir.resolve("home"), "--progress=off"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> InventoryCommand.run(PlanCommandIT.CREDENTIAL, args.toArray(String[]::new)));
    }

    @Test
    void theTableListsEveryHostWithItsCertificatesAndASummary() {
        ConsoleCapture run = inventory();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).contains("ZONE", "HOST", "CERTIFICATES")
                .containsPattern("zone-shop1 +api.shop.example.com +online +sslcert +cert-old-rsa RSA 2048 \\S+ \\(\\d+"
                        + " days\\), cert-ecc ECC 256")
                .contains("free.shop.example.com", "blog.example.org", "a.example.net", "off.example.net")
                .contains("hosts: 7 in 4 zones (0 not readable)")
                .contains("hosts on free certificates: 1");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theCsvStartsWithTheRotationColumnsAndGoesToTheOutputFile() throws IOException {
        Path file = dir.resolve("inventory.csv");

        ConsoleCapture run = inventory("--format=csv", "--output=" + file);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).contains("inventory: " + file + " (7 hosts in 4 zones)");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("zone_id,host,mode,cert_ids,");
        assertThat(lines).hasSize(8)
                .anySatisfy(line -> assertThat(line).startsWith("zone-shop1,api.shop.example.com,sslcert,"
                        + "cert-old-rsa;cert-ecc,online,RSA 2048;ECC 256,"));
    }

    @Test
    void theJsonHasTheHostsAndTheSummary() {
        ConsoleCapture run = inventory("--format=json", "--zone=" + PlannedEstate.BLOG);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.path("hosts")).hasSize(1);
        assertThat(json.path("hosts").get(0).path("host").asString()).isEqualTo("blog.example.org");
        assertThat(json.path("hosts").get(0).path("certificates").get(0).path("daysLeft").asInt()).isBetween(3, 5);
        assertThat(json.path("summary").path("hosts").asInt()).isEqualTo(1);
    }

    @Test
    void expiringWithinListsOnlyTheHostsWithACertificateExpiringSoon() {
        ConsoleCapture run = inventory("--format=csv", "--expiring-within=7d");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out().lines().skip(1).map(line -> line.split(",")[1]))
                .containsExactlyInAnyOrder("blog.example.org", "a.example.net", "off.example.net");
        assertThat(inventory("--format=csv", "--expiring-within=P30D").out().lines().count()).isEqualTo(1 + 6);
    }

    @Test
    void aBadTimeIsRefusedNamingTheOption() {
        ConsoleCapture run = inventory("--expiring-within=30 days");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--expiring-within").contains(DurationConverter.EXPECTED)
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownZoneIsExit2NamingIt() {
        ConsoleCapture run = inventory("--zone=" + PlannedEstate.SHOP, "--zone=zone-nosuch1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("zone-nosuch1").doesNotContain("Exception");
        assertThat(run.out()).doesNotContain("www.shop.example.com");
    }

    @Test
    void siteAndEndpointExcludeEachOther() {
        ConsoleCapture run = inventory("--site=intl");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(ApiAccessOptions.SITE_OR_ENDPOINT);
    }

    @Test
    void aRefusedCertificateListingStillListsTheHostsSaysWhatIsMissingAndExits3() {
        sim.simulator().refuseCertificateListing(ErrorCodes.CAM_UNAUTHORIZED);

        ConsoleCapture run = inventory("--format=csv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out().lines().skip(1)).hasSize(7)
                .allSatisfy(line -> assertThat(line).endsWith("missing: " + ErrorCodes.CAM_UNAUTHORIZED));
        assertThat(run.err()).contains("certificate details missing", ErrorCodes.CAM_UNAUTHORIZED);
    }

    @Test
    void anUnauthorizedZoneIsShownNotReadableWithItsCodeAndMakesTheInventoryIncomplete() {
        sim.simulator().state().setZoneProfile(PlannedEstate.BLOG,
                new ZoneProfile("example.org", "full", "active", true));

        ConsoleCapture run = inventory();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out()).contains("www.shop.example.com").doesNotContain("blog.example.org")
                .contains("zone " + PlannedEstate.BLOG + " not readable: " + ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(run.err()).contains(PlannedEstate.BLOG + " not readable");
    }

    @Test
    void aPagesZoneIsShownNotReadableButLeavesTheInventoryComplete() {
        sim.simulator().state().setZoneProfile(PlannedEstate.BLOG,
                new ZoneProfile("example.org", "pages", "active", true));

        ConsoleCapture run = inventory();

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).contains("zone " + PlannedEstate.BLOG + " not readable: " + ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(run.err()).contains(PlannedEstate.BLOG + " is a Pages zone");
    }

    @Test
    void missingCredentialsAreExit2() {
        ConsoleCapture run = ConsoleCapture.of(() -> CertRotatorApplication.run("inventory", "--profile=none-such",
                "--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home")));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("no profile [none-such]").doesNotContain("Exception");
    }

    @Test
    void anEndpointThatAnswersNothingIsOneLineSayingWhereToLookAndExit1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        ConsoleCapture run = ConsoleCapture.of(() -> InventoryCommand.run(PlanCommandIT.CREDENTIAL, "inventory",
                "--endpoint=http://127.0.0.1:" + closedPort, "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off", "--cert-rotator.retry.max-attempts=1"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err()).contains("cannot list the zones: DescribeZones failed with NetworkError")
                .contains("the API cannot be reached: check the network, the proxy or --endpoint")
                .doesNotContain("\tat ");
    }

    @Test
    void refusedCredentialsAreOneLineAndExit1() {
        sim.simulator().revokeCredentials(SimulatorExtension.SECRET_ID);

        ConsoleCapture run = inventory();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err()).contains("cannot list the zones: the API refused the call with AuthFailure")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
