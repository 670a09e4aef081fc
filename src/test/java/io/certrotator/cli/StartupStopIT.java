package io.certrotator.cli;

import io.certrotator.certs.GeneratedCertificate;
import io.certrotator.certs.TestCertificates;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command in a JVM of its own, stopped by SIGTERM before its work has begun (a pod evicted just after it
 * started) or while a single call is in flight: one line, exit 1; never a data source error, a stack trace, or the
 * JVM's own 143 with nothing said.
 */
class StartupStopIT {

    /** Slow enough that a run started before the signal is still running when it comes. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder
            .seedCsv(Path.of("samples/rotation.csv")).latency(Duration.ofSeconds(2), Duration.ZERO));

    @TempDir
    Path dir;

    @Test
    void aSignalBeforeTheContextStartsIsOneLineAndExit1() throws Exception {
        // The command waits at a pipe for its input: it is running, and has opened nothing else. Held open for
        // reading and writing here, the pipe neither blocks the command's open nor ends its read.
        Path fifo = dir.resolve("input.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        try (RandomAccessFile ignored = new RandomAccessFile(fifo.toFile(), "rw")) {
            Child rotate = Child.start(dir, "--input=" + fifo, "--report=" + dir.resolve("report.csv"),
                    "--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home"));
            rotate.awaitOpen(fifo);

            rotate.terminate();

            assertThat(rotate.exitCode()).as(rotate.out()).isEqualTo(ExitCodes.STOPPED);
            assertThat(rotate.lines()).containsExactly("cert-rotator: stopped by SIGTERM before anything was sent");
        }
    }

    @Test
    void aSignalWhileTheContextStartsEndsTheRotationBeforeItBeginsOrStopsItAsAnyStop() throws Exception {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        for (long delayMillis : new long[] {0, 200, 500, 1000, 2000}) {
            Path home = dir.resolve("home-" + delayMillis);
            Child rotate = Child.start(dir, "--input=" + input, "--endpoint=http://127.0.0.1:" + sim.port(),
                    "--cert-rotator.home=" + home, "--progress=off");
            // the job repository is being opened: the context is starting
            rotate.awaitFile(home.resolve("jobs.mv.db"));
            Thread.sleep(delayMillis);

            rotate.terminate();

            assertThat(rotate.exitCode()).as(delayMillis + " ms: " + rotate.out()).isEqualTo(ExitCodes.STOPPED);
            List<String> lines = rotate.lines();
            assertThat(lines).as(delayMillis + " ms").noneMatch(StartupStopIT::aFailureOfTheProcess);
            if (!rotate.out().contains("run the same command again to resume")) {
                assertThat(lines).as(delayMillis + " ms").containsExactly("cert-rotator: stopped by SIGTERM before the"
                        + " rotation started: no host was changed; run the same command again");
            }
        }
    }

    @Test
    void aSignalWhilePlanStartsEndsItBeforeItReadsOrAbandonsTheRead() throws Exception {
        for (long delayMillis : new long[] {0, 500, 1000}) {
            Path home = dir.resolve("home-" + delayMillis);
            Child plan = Child.start(dir, "plan", "--expiring-within=30d", "--output=" + dir.resolve("plan.csv"),
                    "--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + home, "--progress=off");
            plan.awaitFile(home.resolve("jobs.mv.db"));
            Thread.sleep(delayMillis);

            plan.terminate();

            assertThat(plan.exitCode()).as(delayMillis + " ms: " + plan.out()).isEqualTo(ExitCodes.STOPPED);
            assertThat(plan.lines()).as(delayMillis + " ms").singleElement().isIn(
                    "cert-rotator: stopped by SIGTERM before anything was sent",
                    "cert-rotator plan: stopped by SIGTERM: nothing was written");
        }
    }

    @Test
    void aSignalDuringADryRunEndsItAtOnceSayingNothingWasSent() throws Exception {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        sim.simulator().callLog().clear();
        Child dryRun = Child.start(dir, "--input=" + input, "--dry-run", "--endpoint=http://127.0.0.1:" + sim.port(),
                "--cert-rotator.home=" + dir.resolve("home"), "--progress=off");
        // its reads of the live state take a few of the simulator's 2 s each
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sim.simulator().callLog().records().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sim.simulator().callLog().records()).as(dryRun.out()).isNotEmpty();
        long signalled = System.nanoTime();

        dryRun.terminate();

        assertThat(dryRun.exitCode()).as(dryRun.out()).isEqualTo(ExitCodes.STOPPED);
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofMillis(1500));
        assertThat(dryRun.lines()).containsExactly("cert-rotator rotate --dry-run: stopped by SIGTERM: nothing was sent");
    }

    @Test
    void aSignalWhileTheUploadIsInFlightIsOneLineAndExit1() throws Exception {
        GeneratedCertificate root = current("Test Root CA").ca().build();
        GeneratedCertificate leaf = current("www.example.com").dnsNames("www.example.com").issuer(root).build();
        Path chain = TestCertificates.write(dir.resolve("fullchain.pem"), TestCertificates.chainPem(leaf, root));
        Path key = TestCertificates.write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        try (ServerSocket api = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Child upload = Child.start(dir, "upload", "--cert=" + chain, "--key=" + key,
                    "--endpoint=http://127.0.0.1:" + api.getLocalPort());
            api.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            try (Socket request = api.accept(); InputStream body = request.getInputStream()) {
                assertThat(body.read()).as("the request's first byte").isNotNegative();

                upload.terminate();

                assertThat(upload.exitCode()).as(upload.out()).isEqualTo(ExitCodes.STOPPED);
            }
            assertThat(upload.lines()).containsExactly("cert-rotator upload: stopped by SIGTERM while uploading: the"
                    + " SSL service may hold the certificate; run the same command again (a certificate it holds"
                    + " keeps its ID)");
        }
    }

    @Test
    void aSignalWhileDeployUploadsLetsTheUploadFinishAndStopsNamingTheCertificateInOneLine() throws Exception {
        GeneratedCertificate root = current("Test Root CA").ca().build();
        GeneratedCertificate leaf = current("deploy.test.com").dnsNames("deploy.test.com")
                .key(TestCertificates.rsaKey(2048)).issuer(root).build();
        Path chain = TestCertificates.write(dir.resolve("fullchain.pem"), TestCertificates.chainPem(leaf, root));
        Path key = TestCertificates.write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        // a host the new certificate is due on: the deploy would rotate it
        sim.simulator().state().putCertificate(new Certificate("cert-deploy-old", Set.of("deploy.test.com"),
                Instant.now().plus(Duration.ofDays(5))));
        sim.simulator().state().putHost("zone-2fgd17m17xw", "deploy.test.com",
                HostCertificate.deployed("sslcert", List.of("cert-deploy-old")));
        sim.simulator().callLog().clear();
        Child deploy = Child.start(dir, "deploy", "--cert=" + chain, "--key=" + key,
                "--endpoint=http://127.0.0.1:" + sim.port(), "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off");
        // the simulator logs the upload as it takes it, and answers 2 s later
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sim.simulator().callLog().records("UploadCertificate").isEmpty() && deploy.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sim.simulator().callLog().records("UploadCertificate")).as(deploy.out()).isNotEmpty();

        deploy.terminate();

        assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(ExitCodes.STOPPED);
        String out = deploy.out();
        String certificateId = sim.simulator().state().certificates().stream().map(Certificate::certId)
                .filter(out::contains).findFirst().orElseThrow(() -> new AssertionError("no certificate named: " + out));
        assertThat(deploy.lines()).containsExactly("cert-rotator deploy: stopped by SIGTERM while uploading: the SSL"
                + " service holds the certificate as " + certificateId + "; no host was changed; run the same command"
                + " again (it reuses " + certificateId + ")");
        assertThat(sim.simulator().callLog().records("ModifyHostsCertificate")).isEmpty();
    }

    private static TestCertificates.Builder current(String commonName) {
        Instant now = Instant.now();
        return TestCertificates.certificate(commonName).validity(now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)));
    }

    private static boolean aFailureOfTheProcess(String line) {
        return line.contains("JDBC") || line.contains("Hikari") || line.contains("Exception")
                || line.startsWith("\tat ") || line.contains("cannot start");
    }

    /** The packaged command, its output (both streams) in a file. */
    private record Child(Process process, Path output) {

        static Child start(Path dir, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-jar", Path.of("target/cert-rotator.jar").toAbsolutePath().toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(dir, "child-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
            builder.environment().putAll(Map.of("TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID,
                    "TENCENTCLOUD_SECRET_KEY", SimulatorExtension.SECRET_KEY));
            return new Child(builder.start(), out);
        }

        void awaitFile(Path file) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(file) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(file).as(out()).exists();
        }

        /** Until the command has {@code file} open (Linux: a link in /proc/PID/fd). */
        void awaitOpen(Path file) throws InterruptedException, IOException {
            Path descriptors = Path.of("/proc", Long.toString(process.pid()), "fd");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (process.isAlive() && System.nanoTime() < deadline) {
                if (opens(descriptors, file)) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new AssertionError("the command did not open " + file + ":\n" + out());
        }

        private static boolean opens(Path descriptors, Path file) throws IOException {
            try (Stream<Path> open = Files.list(descriptors)) {
                return open.anyMatch(descriptor -> {
                    try {
                        return Files.readSymbolicLink(descriptor).equals(file);
                    } catch (IOException closed) {
                        return false;
                    }
                });
            } catch (NoSuchFileException ended) {
                return false;
            }
        }

        void terminate() {
            process.destroy();
        }

        int exitCode() throws InterruptedException, IOException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not end in 60 s:\n" + out());
            }
            return process.exitValue();
        }

        String out() throws IOException {
            return Files.readString(output);
        }

        List<String> lines() throws IOException {
            return Files.readAllLines(output);
        }

    }
}
