package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input that can be read only once ({@code cat rotation.csv | ... --input=/dev/stdin}, a FIFO), and a report that
 * cannot be written where it is to go (before the run, or only at its end), against the simulator over HTTP. The
 * folder that cannot be written is /proc/self: CI runs as root, which writes a {@code chmod 555} folder, but no one
 * can create a file in /proc.
 */
class PipedInputIT {

    static final String SECRET_ID = "AKIDpipedinputtest";
    static final String SECRET_KEY = "piped-input-test-secret-key-5d4c3b";

    @TempDir
    Path dir;
    Path input;
    String csv;
    EdgeOneSimulator simulator;

    @BeforeEach
    void startSimulator() throws IOException {
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (int i = 0; i < 12; i++) {
            lines.add("zone-piped1,h" + i + ".example.com,sslcert,cert-piped1");
        }
        lines.add("zone-piped2,www.example.org,sslcert,cert-piped2");
        input = Files.write(dir.resolve("rotation.csv"), lines);
        csv = Files.readString(input);
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private ConsoleCapture rotate(Path in, String... options) {
        List<String> args = new ArrayList<>(List.of("--input=" + in, "--endpoint=http://127.0.0.1:" + simulator.port(),
                "--progress=off", "--cert-rotator.home=" + dir.resolve("home")));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> RotateCommand.run(new Credential(SECRET_ID, SECRET_KEY),
                args.toArray(String[]::new)));
    }

    /** A rotation read from a FIFO that {@code csv} is written into, once, as {@code cat} would. */
    private ConsoleCapture rotatePiped(String... options) throws Exception {
        Path fifo = dir.resolve("rotation.fifo");
        Files.deleteIfExists(fifo);
        PipedInputTest.fifo(fifo);
        CompletableFuture<Void> writer = PipedInputTest.writeOnce(fifo, csv);
        ConsoleCapture run = rotate(fifo, options);
        writer.get(10, TimeUnit.SECONDS);
        return run;
    }

    private long modifyCalls() {
        return simulator.callLog().records(ModifyHostsCertificate.ACTION).size();
    }

    private static List<String> statuses(Path report) throws IOException {
        return Files.readAllLines(report).stream().skip(1).map(row -> row.split(",", -1)[5]).toList();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void standardInputFromAPipeIsReadOnceAndEveryRowSucceeds() throws Exception {
        Path report = dir.resolve("out/rotation.results.csv");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/cert-rotator.jar").toAbsolutePath().toString(),
                "--input=/dev/stdin", "--report=" + report, "--endpoint=http://127.0.0.1:" + simulator.port(),
                "--progress=off", "--cert-rotator.home=" + dir.resolve("home"));
        Path out = dir.resolve("child.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
        builder.environment().put("TENCENTCLOUD_SECRET_ID", SECRET_ID);
        builder.environment().put("TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
        Process child = builder.start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(child.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(out)).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(Files.readString(out)).contains("input: /dev/stdin read once, kept as " + dir.resolve("home/inputs"),
                "rows: 13 total, 13 succeeded", "report: " + report);
        assertThat(statuses(report)).hasSize(13).containsOnly("SUCCEEDED");
        assertThat(simulator.hostCertificate("zone-piped2", "www.example.org").orElseThrow().certIds())
                .containsExactly("cert-piped2");
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theSameContentPipedAgainIsTheSameRunAlreadyCompleted() throws Exception {
        Path report = dir.resolve("rotation.results.csv");
        assertThat(rotatePiped("--report=" + report).exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
        long calls = modifyCalls();

        ConsoleCapture again = rotatePiped("--report=" + report);

        assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(again.out()).contains("this input already completed (run 1");
        assertThat(modifyCalls()).isEqualTo(calls).isPositive();
        assertThat(statuses(report)).hasSize(13).containsOnly("SUCCEEDED");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipedInputWithoutReportIsExitTwoBeforeItIsRead() {
        Path fifo = dir.resolve("unread.fifo");
        try {
            PipedInputTest.fifo(fifo);
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        // Nothing writes into the pipe: a run that opened it would wait for ever.
        ConsoleCapture run = rotate(fifo);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("cert-rotator rotate: --input=" + fifo + " is not a regular file: give"
                + " --report=FILE for the results" + System.lineSeparator());
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void aReportFolderThatCannotBeWrittenIsExitTwoBeforeAnyCall() {
        ConsoleCapture run = rotate(input, "--report=/proc/self/rotation.results.csv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cannot write the report /proc/self/rotation.results.csv: the folder"
                + " /proc/self is not writable").contains("give --report=FILE in a folder you can write");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(simulator.callLog().records()).isEmpty();
        assertThat(dir.resolve("home/jobs.mv.db")).doesNotExist();
    }

    @Test
    void anInputInAFolderThatCannotBeWrittenIsExitTwoBeforeAnyCall() {
        // A regular file in a folder no one can write: the report would go beside it, /proc/self/status.results.csv.
        ConsoleCapture run = rotate(Path.of("/proc/self/status"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cannot write the report /proc/self/status.results.csv: the folder /proc/self"
                + " is not writable").contains("give --report=FILE");
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void aMissingInputInAFolderThatCannotBeWrittenIsSaidToBeMissing() {
        ConsoleCapture run = rotate(Path.of("/proc/self/rotation.csv"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("/proc/self/rotation.csv: file not found").doesNotContain("not writable");
    }

    @Test
    void aReportThatIsTheInputIsExitTwoBeforeAnythingIsReadOrSent() throws IOException {
        // The same file by another path, which the report's move into place would replace through the linked folder.
        Path sameFolder = Files.createSymbolicLink(dir.resolve("linked"), dir);

        ConsoleCapture run = rotate(input, "--report=" + sameFolder.resolve("rotation.csv"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("cert-rotator rotate: --report must not be the input " + input
                + ": it would be overwritten" + System.lineSeparator());
        assertThat(Files.readString(input)).isEqualTo(csv);
        assertThat(simulator.callLog().records()).isEmpty();
        assertThat(dir.resolve("home/jobs.mv.db")).doesNotExist();
    }

    @Test
    void aPlanOutputThatIsTheInputIsExitTwoBeforeTheInputIsRead() {
        ConsoleCapture dryRun = rotate(input, "--dry-run", "--plan-output=" + dir.resolve(".").resolve("rotation.csv"));

        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.err()).isEqualTo("cert-rotator rotate: --plan-output must not be the input " + input
                + ": it would be overwritten" + System.lineSeparator());
        assertThat(dryRun.out()).doesNotContain("rows:");
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void aReportThatCannotBeWrittenAtTheEndLosesNothingAndWithAnotherReportTheSameCommandWritesIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        AtomicBoolean replaced = new AtomicBoolean();
        simulator.close();
        // The folder passes the check before the run, and is replaced by a file while the calls go.
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).onCall(call -> {
            if (call.action().equals(ModifyHostsCertificate.ACTION) && replaced.compareAndSet(false, true)) {
                try {
                    Files.delete(folder);
                    Files.createFile(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }).build().start();

        ConsoleCapture run = rotate(input, "--report=" + folder.resolve("rotation.results.csv"));
        Path elsewhere = dir.resolve("rotation.results.csv");
        ConsoleCapture again = rotate(input, "--report=" + elsewhere);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err()).contains("cannot write the report " + folder.resolve("rotation.results.csv"));
        assertThat(run.out()).contains("rows: 13 total, 13 succeeded", "report: not written",
                "give --report=FILE in a folder you can write");
        assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(again.out()).contains("this input already completed");
        assertThat(statuses(elsewhere)).hasSize(13).containsOnly("SUCCEEDED");
    }
}
