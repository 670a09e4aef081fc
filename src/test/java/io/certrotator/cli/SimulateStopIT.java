package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The packaged {@code simulate} in a JVM of its own, stopped as the contract says: SIGTERM or Ctrl-C, exit 0. */
class SimulateStopIT {

    private static final int SIGINT = 2;

    @TempDir
    Path dir;

    @Test
    void sigtermIsACleanStopAndExitsZero() throws Exception {
        Process simulate = startSimulator();

        simulate.destroy();

        assertStoppedCleanly(simulate);
    }

    @Test
    void ctrlCIsACleanStopAndExitsZero() throws Exception {
        assumeFalse(ignoredHere(SIGINT), "SIGINT is ignored by whoever started this build, and so by the child");
        Process simulate = startSimulator();

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(simulate.pid())).inheritIO().start();

        assertThat(kill.waitFor()).isZero();
        assertStoppedCleanly(simulate);
    }

    private Process startSimulator() throws IOException, InterruptedException {
        Path seed = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        Path portFile = dir.resolve("port");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/cert-rotator.jar").toAbsolutePath().toString(),
                "simulate", "--seed=" + seed, "--port-file=" + portFile)
                .redirectErrorStream(true).redirectOutput(dir.resolve("simulate.out").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
        builder.environment().putAll(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDsimulatestop",
                "TENCENTCLOUD_SECRET_KEY", "simulate-stop-secret"));
        Process simulate = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) && simulate.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(portFile).as(out()).exists();
        return simulate;
    }

    private void assertStoppedCleanly(Process simulate) throws IOException, InterruptedException {
        assertThat(simulate.waitFor(30, TimeUnit.SECONDS)).as(out()).isTrue();
        assertThat(simulate.exitValue()).as(out()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(out()).contains("EdgeOne simulator listening on 127.0.0.1:").doesNotContain("Exception");
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("simulate.out"));
    }

    /** Whether this JVM ignores the signal (Linux: SigIgn in /proc/self/status); a child inherits that. */
    private static boolean ignoredHere(int signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> mask.testBit(signal - 1));
    }
}
