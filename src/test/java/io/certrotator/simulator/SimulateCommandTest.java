package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.certrotator.cli.ExitCodes;
import io.certrotator.cli.SimulateCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final Map<String, String> ENV = Map.of(
            "TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID,
            "TENCENTCLOUD_SECRET_KEY", SimulatorExtension.SECRET_KEY);
    private static final String SEED = "--seed=" + SimulatorExtension.resource("simulator/seed.csv");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, CompletableFuture<?> stop, String... args) {
        return SimulateCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop);
    }

    @Test
    void itsHelpNamesEveryActionItServes() {
        assertThat(run(ENV, CompletableFuture.completedFuture(null), "--help")).isEqualTo(ExitCodes.SUCCEEDED);

        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ")).contains(
                ModifyHostsCertificateAction.NAME, DescribeAccelerationDomainsAction.NAME, DescribeZonesAction.NAME,
                DescribeCertificatesAction.NAME, UploadCertificateAction.NAME, "ssl.tencentcloudapi.com");
    }

    @Test
    void writesTheChosenPortToThePortFileAndServesUntilStopped(@TempDir Path dir) throws Exception {
        Path portFile = dir.resolve("sim.port");
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                run(ENV, stop, "--port=0", "--port-file=" + portFile, SEED, "--rate-limit=5", "--latency-ms=0"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(portFile) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        RawApiClient.Answer answer = new RawApiClient(port).signed("DescribeAccelerationDomains", "2022-09-01",
                "{\"ZoneId\":\"zone-alpha1\"}", Instant.now());
        stop.complete(null);

        assertThat(answer.json().path("Response").path("TotalCount").asInt()).isEqualTo(6);
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("EdgeOne simulator listening on 127.0.0.1:" + port + " (2 zones, 7 hosts, 8 certificates)");
        assertThat(dir.toFile().list()).containsExactly("sim.port");
    }

    @Test
    void refusesAPortFileItCannotWriteBeforeServingSayingWhy() {
        // /proc refuses new files even to root, as a read-only mount would
        assertThat(run(ENV, CompletableFuture.completedFuture(null), "--port=0", SEED, "--port-file=/proc/nope/port"))
                .isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cert-rotator simulate: Invalid value for option"
                + " '--port-file': cannot write /proc/nope/port: the folder /proc is not writable (");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening");
    }

    @Test
    void refusesToStartWithoutCredentials() {
        assertThat(run(Map.of(), CompletableFuture.completedFuture(null), "--port=0", SEED))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TENCENTCLOUD_SECRET_ID");
    }

    @Test
    void refusesABadOptionWithOneClearLine() {
        assertThat(run(ENV, CompletableFuture.completedFuture(null), "--port=0", SEED, "--drop-rate=2"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(ENV, CompletableFuture.completedFuture(null), "--port=0", SEED, "--colour=red"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(ENV, CompletableFuture.completedFuture(null), "--port=0", "--seed=/nonexistent.csv"))
                .isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cert-rotator simulate: Invalid value for option '--drop-rate': 2.0 is not a probability"
                        + " from 0 to 1")
                .contains("cert-rotator simulate: Unknown option: '--colour=red'")
                .contains("cert-rotator simulate: Invalid value for option '--seed': cannot read /nonexistent.csv")
                .contains("see: java -jar cert-rotator.jar simulate --help")
                .doesNotContain("Exception");
    }
}
