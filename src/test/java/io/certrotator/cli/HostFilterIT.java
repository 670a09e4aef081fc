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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --host} of {@code rotate --expiring-within} and {@code plan} over real HTTP against the simulator: an
 * international host, which EdgeOne lists in punycode, selected by its Unicode name; a pattern that matches nothing.
 */
class HostFilterIT {

    private static final String ZONE = "zone-idn1";
    private static final String PUNYCODE_HOST = "xn--strae-oqa.a.example.com";

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder);

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        EdgeOneState state = sim.simulator().state();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        state.putCertificate(new Certificate("cert-idn-old", Set.of("*.a.example.com"), now.plus(Duration.ofDays(10))));
        state.putCertificate(new Certificate("cert-idn-new", Set.of("*.a.example.com"),
                now.plus(Duration.ofDays(400))));
        state.setZoneProfile(ZONE, new ZoneProfile("a.example.com", "full", "active", false));
        state.putHost(ZONE, PUNYCODE_HOST, HostCertificate.deployed("sslcert", List.of("cert-idn-old")));
        state.putHost(ZONE, "www.a.example.com", HostCertificate.deployed("sslcert", List.of("cert-idn-old")));
    }

    private List<String> common() {
        return List.of("--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off", "--cert-rotator.retry.base-delay=100ms");
    }

    private ConsoleCapture scheduledDryRun(String host) {
        List<String> args = new ArrayList<>(List.of("rotate", "--expiring-within=30d", "--host=" + host, "--dry-run"));
        args.addAll(common());
        return ConsoleCapture.of(() -> RotateCommand.run(PlanCommandIT.CREDENTIAL, args.toArray(String[]::new)));
    }

    @Test
    void theUnicodeNameOfAnInternationalHostSelectsItAsItsPunycodeDoes() {
        ConsoleCapture unicode = scheduledDryRun("straße.a.example.com");
        ConsoleCapture punycode = scheduledDryRun(PUNYCODE_HOST);

        assertThat(unicode.exitCode()).as(unicode.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(unicode.out()).contains(ZONE + "," + PUNYCODE_HOST + ",sslcert,cert-idn-new")
                .doesNotContain("www.a.example.com");
        assertThat(unicode.out()).isEqualTo(punycode.out());
        assertThat(unicode.err()).doesNotContain("matches none");
    }

    @Test
    void aWildcardPatternInsideAnInternationalLabelSelectsTheHostInPlan() {
        List<String> args = new ArrayList<>(List.of("plan", "--expiring-within=30d", "--host=straß*", "--output=-"));
        args.addAll(common());

        ConsoleCapture plan = ConsoleCapture.of(() -> PlanCommand.run(PlanCommandIT.CREDENTIAL,
                args.toArray(String[]::new)));

        assertThat(plan.out()).as(plan.all()).contains(ZONE + "," + PUNYCODE_HOST + ",sslcert,cert-idn-new")
                .doesNotContain("www.a.example.com");
    }

    @Test
    void planWarnsOfAPatternThatMatchesNoHostReadAsTheScheduledFormDoes() {
        List<String> args = new ArrayList<>(List.of("plan", "--expiring-within=30d",
                "--host=strasse.a.example.com", "--output=-"));
        args.addAll(common());

        ConsoleCapture plan = ConsoleCapture.of(() -> PlanCommand.run(PlanCommandIT.CREDENTIAL,
                args.toArray(String[]::new)));

        assertThat(plan.exitCode()).as(plan.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(plan.err().lines().filter(line -> line.contains("--host")).toList()).containsExactly(
                "cert-rotator: warning: --host=strasse.a.example.com matches none of the 2 hosts read");
    }

    @Test
    void aPatternThatMatchesNoHostReadIsOneWarningOnStandardError() {
        ConsoleCapture run = scheduledDryRun("strasse.a.example.com");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.err().lines().filter(line -> line.contains("--host")).toList()).containsExactly(
                "cert-rotator: warning: --host=strasse.a.example.com matches none of the 2 hosts read");
    }
}
