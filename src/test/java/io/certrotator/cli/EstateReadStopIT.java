package io.certrotator.cli;

import io.certrotator.simulator.SimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code inventory} in a JVM of its own, stopped by SIGTERM while it reads a slow API: one line, exit 1,
 * no stack trace.
 */
class EstateReadStopIT {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder.latency(Duration.ofSeconds(3),
            Duration.ZERO));

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        PlannedEstate.seed(sim.simulator().state());
    }

    @Test
    void aSignalStopsTheReadWithOneLineAndExit1() throws IOException, InterruptedException {
        Path out = dir.resolve("inventory.out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/cert-rotator.jar").toAbsolutePath().toString(),
                "inventory", "--endpoint=http://127.0.0.1:" + sim.port(), "--progress=log",
                "--cert-rotator.progress-interval=200ms", "--cert-rotator.home=" + dir.resolve("home"))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
        builder.environment().putAll(Map.of("TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", SimulatorExtension.SECRET_KEY));
        Process inventory = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains("reading:") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        inventory.destroy();

        assertThat(inventory.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
        assertThat(inventory.exitValue()).as(Files.readString(out)).isEqualTo(ExitCodes.STOPPED);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).contains("cert-rotator inventory: stopped by SIGTERM: nothing was written")
                .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ") || line.startsWith("ZONE"));
    }
}
