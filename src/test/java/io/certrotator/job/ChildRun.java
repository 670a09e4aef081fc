package io.certrotator.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged command ({@code target/cert-rotator.jar}) in a JVM of its own, as cron or systemd would start it,
 * with the credentials in its environment; what it prints goes to files beside its home.
 */
final class ChildRun {

    private final Process process;
    private final Path out;

    private ChildRun(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    static ChildRun start(Path home, String secretId, String secretKey, String... args) {
        return start(List.of(), home, secretId, secretKey, args);
    }

    /** @param jvmOptions options for the child's JVM, such as {@code -Xmx64m} */
    static ChildRun start(List<String> jvmOptions, Path home, String secretId, String secretKey, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Path.of("target/cert-rotator.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        command.add("--cert-rotator.home=" + home);
        command.add("--cert-rotator.retry.base-delay=100ms");
        try {
            Path out = Files.createTempFile(Files.createDirectories(home), "child-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
            builder.environment().put("TENCENTCLOUD_SECRET_ID", secretId);
            builder.environment().put("TENCENTCLOUD_SECRET_KEY", secretKey);
            return new ChildRun(builder.start(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no hook, no handler, nothing recorded after this instant. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a cron timeout, {@code systemctl stop} or Kubernetes send it. */
    void terminate() {
        process.destroy();
    }

    int exitCode(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child run did not end in " + timeoutSeconds + " s:\n" + out());
        }
        return process.exitValue();
    }

    /** Waits until {@code okCalls} (as the simulator counts them) reaches {@code count}: at most 60 s. */
    void awaitOkCalls(AtomicInteger okCalls, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (okCalls.get() < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waiting for " + count + " calls:\n" + out());
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the run has printed {@code text}: at most 60 s. */
    void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out().contains(text)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waiting for '" + text + "':\n" + out());
            }
            Thread.sleep(20);
        }
    }

    String out() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
