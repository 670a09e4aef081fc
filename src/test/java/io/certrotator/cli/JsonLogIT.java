package io.certrotator.cli;

import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.SimulatorExtension;
import io.certrotator.simulator.ZoneProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --log-format=json} over real HTTP against the simulator: a rotation of one host that succeeds and one the
 * certificate does not cover (FAILED), so that the summary has every kind of line.
 */
class JsonLogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder);

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        EdgeOneState state = sim.simulator().state();
        state.putCertificate(new Certificate("cert-new", Set.of("*.a.example.com"),
                Instant.now().plus(Duration.ofDays(300))));
        state.setZoneProfile("zone-log1", new ZoneProfile("a.example.com", "full", "active", false));
        state.putHost("zone-log1", "www.a.example.com", HostCertificate.deployed("sslcert", List.of("cert-old")));
        state.putHost("zone-log1", "www.b.example.com", HostCertificate.deployed("sslcert", List.of("cert-old")));
    }

    /** Spring Boot keeps the console's structured format in a system property, which outlives the context. */
    @AfterEach
    void plainLogsForTheNextTest() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
    }

    private ConsoleCapture rotate(String... options) throws IOException {
        Path csv = dir.resolve("rotation.csv");
        Files.writeString(csv, """
                zone_id,host,mode,cert_ids
                zone-log1,www.a.example.com,sslcert,cert-new
                zone-log1,www.b.example.com,sslcert,cert-new
                """);
        List<String> args = new ArrayList<>(List.of("rotate", "--input=" + csv,
                "--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=log", "--cert-rotator.retry.base-delay=100ms"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> RotateCommand.run(PlanCommandIT.CREDENTIAL, args.toArray(String[]::new)));
    }

    private static List<JsonNode> objects(String out) {
        return out.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    @Test
    void withJsonEveryLineOnStandardOutputIsOneJsonObjectTheSummaryLinesAsInfoMessages() throws IOException {
        ConsoleCapture run = rotate("--log-format=json");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        List<JsonNode> lines = objects(run.out());
        assertThat(lines).allMatch(JsonNode::isObject);
        List<String> summary = lines.stream()
                .filter(line -> line.path("log").path("logger").asString("").equals(RunSummary.class.getName()))
                .map(line -> line.path("log").path("level").asString("") + " " + line.path("message").asString(""))
                .toList();
        assertThat(summary).contains("INFO rows: 2 total, 1 succeeded, 1 failed, 0 invalid, 0 pending",
                "INFO report: " + dir.resolve("rotation.results.csv"),
                "INFO finished with FAILED or INVALID rows: see the report");
        assertThat(summary).anyMatch(line -> line.startsWith("INFO calls: "));
    }

    @Test
    void withJsonTheSummaryIsPrintedWhateverTheLogLevels() throws IOException {
        ConsoleCapture run = rotate("--log-format=json", "--logging.level.io.certrotator=WARN",
                "--logging.level.root=WARN");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(objects(run.out())).as(run.all()).allMatch(JsonNode::isObject)
                .extracting(line -> line.path("log").path("level").asString("") + " "
                        + line.path("message").asString(""))
                .contains("INFO rows: 2 total, 1 succeeded, 1 failed, 0 invalid, 0 pending",
                        "INFO report: " + dir.resolve("rotation.results.csv"))
                .noneMatch(line -> line.startsWith("INFO progress: "));
    }

    @Test
    void inPlainTextTheSummaryIsPrintedWhateverTheLogLevels() throws IOException {
        ConsoleCapture run = rotate("--logging.level.io.certrotator=WARN", "--logging.level.root=WARN");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out().lines()).as(run.all())
                .contains("rows: 2 total, 1 succeeded, 1 failed, 0 invalid, 0 pending",
                        "report: " + dir.resolve("rotation.results.csv"))
                .noneMatch(line -> line.contains("progress: "));
    }

    @Test
    void withJsonTheLineARerunStartsWithIsAJsonLineToo() throws IOException {
        rotate("--log-format=json");

        ConsoleCapture again = rotate("--log-format=json");

        assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(objects(again.out())).allMatch(JsonNode::isObject)
                .anyMatch(line -> line.path("message").asString("").startsWith("this input already completed"));
    }

    @Test
    void withJsonAScheduledRunsPlanLinesAreJsonLinesToo() {
        sim.simulator().state().putCertificate(new Certificate("cert-old", Set.of("*.a.example.com"),
                Instant.now().plus(Duration.ofDays(5))));

        ConsoleCapture run = ConsoleCapture.of(() -> RotateCommand.run(PlanCommandIT.CREDENTIAL, "rotate",
                "--expiring-within=30d", "--endpoint=http://127.0.0.1:" + sim.port(),
                "--cert-rotator.home=" + dir.resolve("home"), "--progress=off", "--log-format=json"));

        assertThat(objects(run.out())).as(run.all()).allMatch(JsonNode::isObject)
                .extracting(line -> line.path("message").asString(""))
                .anyMatch(message -> message.startsWith("plan: "))
                .anyMatch(message -> message.startsWith("hosts selected: "));
    }

    @Test
    void withJsonNothingToRotateIsAJsonLine() {
        ConsoleCapture run = ConsoleCapture.of(() -> RotateCommand.run(PlanCommandIT.CREDENTIAL, "rotate",
                "--expiring-within=30d", "--endpoint=http://127.0.0.1:" + sim.port(),
                "--cert-rotator.home=" + dir.resolve("home"), "--progress=off", "--log-format=json"));

        assertThat(objects(run.out())).as(run.all()).allMatch(JsonNode::isObject)
                .extracting(line -> line.path("message").asString(""))
                .anyMatch(message -> message.startsWith("nothing to rotate"));
    }

    @Test
    void withJsonADryRunsFiguresAreJsonLinesToo() throws IOException {
        ConsoleCapture run = rotate("--log-format=json", "--dry-run");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(objects(run.out())).extracting(line -> line.path("message").asString(""))
                .contains("rows: 2 total, 2 valid, 0 invalid; dry run: nothing sent");
    }

    @Test
    void withJsonTheSimulatorsLinePrintedBeforeLoggingStartsGoesToStandardError() throws IOException {
        Path csv = dir.resolve("rotation.csv");
        Files.writeString(csv, "zone_id,host,mode,cert_ids\nzone-log1,www.a.example.com,sslcert,cert-new\n");

        ConsoleCapture run = ConsoleCapture.of(() -> RotateCommand.run(PlanCommandIT.CREDENTIAL, "rotate",
                "--input=" + csv, "--simulate", "--log-format=json", "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.err()).contains("simulate: built-in EdgeOne simulator on 127.0.0.1:");
        assertThat(objects(run.out())).allMatch(JsonNode::isObject).isNotEmpty();
    }

    @Test
    void withJsonNoLineHasAnEmptyServiceNode() throws IOException {
        ConsoleCapture run = rotate("--log-format=json");

        assertThat(run.out().lines().filter(line -> line.startsWith("{")).map(JSON::readTree).toList()).isNotEmpty()
                .allMatch(line -> line.path("service").path("name").asString("").equals("cert-rotator"))
                .allMatch(line -> line.path("service").path("node").isMissingNode());
    }

    @Test
    void aNodeNameGivenIsEveryLinesServiceNodeName() throws IOException {
        ConsoleCapture run = rotate("--log-format=json", "--logging.structured.ecs.service.node-name=runner-7");

        assertThat(objects(run.out())).isNotEmpty()
                .allMatch(line -> line.path("service").path("node").path("name").asString("").equals("runner-7"));
    }

    @Test
    void withTextTheSummaryIsPlainLines() throws IOException {
        ConsoleCapture run = rotate();

        assertThat(run.out()).contains("\nrows: 2 total, 1 succeeded, 1 failed, 0 invalid, 0 pending\n",
                "\nfinished with FAILED or INVALID rows: see the report\n");
    }
}
