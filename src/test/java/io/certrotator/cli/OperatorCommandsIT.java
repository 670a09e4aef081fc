package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.CertRotatorApplication;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees: progress lines, the failure summary, history and report, against the simulator. */
class OperatorCommandsIT {

    static final String SECRET_ID = "AKIDoperatortest";
    static final String SECRET_KEY = "operator-test-secret-key-4c3b2a";
    static final Pattern PROGRESS = Pattern.compile("progress: (\\d+)/(\\d+) rows done \\((\\d+) succeeded, "
            + "(\\d+) failed, (\\d+) invalid\\), (\\d+) pending, [\\d.]+ calls/s, ETA \\S+");

    @TempDir
    Path dir;
    EdgeOneSimulator simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private ConsoleCapture rotate(Path input, String... options) {
        if (simulator == null) {
            simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        }
        List<String> args = new ArrayList<>(List.of("--input=" + input,
                "--endpoint=http://127.0.0.1:" + simulator.port(), "--cert-rotator.retry.base-delay=100ms"));
        args.addAll(List.of(options));
        args.add(home());
        return ConsoleCapture.of(() -> RotateCommand.run(new Credential(SECRET_ID, SECRET_KEY),
                args.toArray(String[]::new)));
    }

    private ConsoleCapture command(String... args) {
        String[] withHome = Stream.concat(Stream.of(args), Stream.of(home())).toArray(String[]::new);
        return ConsoleCapture.of(() -> CertRotatorApplication.run(withHome));
    }

    private String home() {
        return "--cert-rotator.home=" + dir.resolve("home");
    }

    private Path csv(String name, int hosts) throws IOException {
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (int i = 0; i < hosts; i++) {
            lines.add("zone-operator1,h" + i + ".example.com,sslcert,cert-op1");
        }
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void aRunWithoutATerminalLogsProgressLinesWhoseCountsAddUp() throws IOException {
        Path input = csv("progress.csv", 300);

        ConsoleCapture run = rotate(input, "--max-hosts-per-call=1", "--cert-rotator.progress-interval=1s");

        assertThat(run.exitCode()).isZero();
        List<long[]> lines = new ArrayList<>();
        Matcher m = PROGRESS.matcher(run.out());
        while (m.find()) {
            long[] figures = new long[6];
            for (int i = 0; i < 6; i++) {
                figures[i] = Long.parseLong(m.group(i + 1));
            }
            lines.add(figures);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        long previousDone = 0;
        for (long[] f : lines) {
            assertThat(f[0]).as("done = succeeded + failed + invalid").isEqualTo(f[2] + f[3] + f[4]);
            assertThat(f[0] + f[5]).as("done + pending = total").isEqualTo(f[1]);
            assertThat(f[0]).isGreaterThanOrEqualTo(previousDone);
            previousDone = f[0];
        }
        assertThat(lines.get(lines.size() - 1)).containsExactly(300, 300, 300, 0, 0, 0);
        assertThat(run.out().indexOf("rows: 300 total")).isGreaterThan(run.out().lastIndexOf("progress: "));
    }

    @Test
    void theSummaryGroupsFailuresByErrorCodeWithWhatToDo() throws IOException {
        Path input = Files.write(dir.resolve("mixed.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-mixed1,ok.example.com,sslcert,cert-m1",
                "zone-mixed1,bad.example.com,sslcert,cert-m1",
                "zone-mixed1,worse.example.com,sslcert,cert-m1",
                "zone_broken,x.example.com,sslcert,cert-m1"));
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        simulator.failFirstCalls("bad.example.com", 10, "FailedOperation.CertificateHasExpired");
        simulator.failFirstCalls("worse.example.com", 10, "FailedOperation.CertificateHasExpired");

        ConsoleCapture run = rotate(input, "--skip-invalid", "--max-hosts-per-call=1");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("failed or invalid rows by error code:",
                "2  FailedOperation.CertificateHasExpired: certificate expired: upload a new one",
                "1  InvalidRow: the row itself is wrong");
    }

    @Test
    void historyListsEveryRunAndReportWritesAnyOfThemAgain() throws IOException {
        Path first = csv("first.csv", 5);
        rotate(first);
        Path second = csv("second.csv", 8);
        rotate(second, "--max-hosts-per-call=2");
        Path original = dir.resolve("first.results.csv");
        String firstReport = Files.readString(original);
        Files.delete(original);

        ConsoleCapture history = command("history");

        assertThat(history.exitCode()).isZero();
        List<String> rows = history.out().lines().toList();
        assertThat(rows.get(0)).contains("run", "input", "sha256", "started", "duration", "status", "succeeded",
                "pending");
        assertThat(rows.get(1)).contains("second.csv", "COMPLETED", "--max-hosts-per-call=2");
        assertThat(rows.get(2)).contains("first.csv", "COMPLETED").containsPattern("\\b5\\s+0\\s+0\\s+0\\b");
        String firstRun = rows.get(2).trim().split("\\s+")[0];

        ConsoleCapture report = command("report", "--run=" + firstRun);

        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).contains("first.results.csv", "5 rows");
        assertThat(Files.readString(original)).isEqualTo(firstReport);
    }

    @Test
    void historyListsARunThatStoppedBeforeTheEndAsStopped() throws IOException {
        Path input = csv("stopped.csv", 3);
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        List<String> args = List.of("--input=" + input, "--endpoint=http://127.0.0.1:" + simulator.port(),
                "--cert-rotator.retry.base-delay=100ms", home());
        ConsoleCapture refused = ConsoleCapture.of(() -> RotateCommand.run(new Credential(SECRET_ID, "a-wrong-key"),
                args.toArray(String[]::new)));
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCodes.STOPPED);

        ConsoleCapture history = command("history");

        assertThat(history.out().lines().skip(1)).singleElement().asString()
                .contains("stopped.csv", " STOPPED ").containsPattern("\\b0\\s+0\\s+0\\s+3\\b");
    }

    @Test
    void reportRefusesToWriteOverTheRunsInput() throws IOException {
        Path input = csv("written.csv", 3);
        rotate(input);
        String content = Files.readString(input);

        ConsoleCapture report = command("report", "--run=1", "--report=" + dir.resolve(".").resolve("written.csv"));

        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).isEqualTo("cert-rotator report: --report must not be the input of run 1, " + input
                + ": it would be overwritten" + System.lineSeparator());
        assertThat(Files.readString(input)).isEqualTo(content);
    }

    /** The run's input is known by its path where the run was started; its content tells it from anywhere else. */
    @Test
    void reportRefusesToWriteOverAFileThatHoldsTheRunsInput() throws IOException {
        Path input = csv("copied.csv", 3);
        rotate(input);
        Path copy = Files.copy(input, Files.createDirectories(dir.resolve("elsewhere")).resolve("copied.csv"));

        ConsoleCapture report = command("report", "--run=1", "--report=" + copy);

        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).startsWith("cert-rotator report: --report must not be the input of run 1")
                .contains(copy + " holds its content").hasLineCount(1);
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(input));
    }

    /**
     * A run records its input as given: relative to the folder it started in. When that path no longer leads to the
     * input from here (another folder; here, the file moved), the report has no sensible default place.
     */
    @Test
    void reportOfARunWhoseRelativeInputIsNotFoundHereAsksForReport() throws IOException {
        Path input = csv("moved.csv", 2);
        Path relative = Path.of("").toAbsolutePath().relativize(input);
        rotate(relative);
        Files.delete(dir.resolve("moved.results.csv"));
        Files.move(input, Files.createDirectories(dir.resolve("archive")).resolve("moved.csv"));

        ConsoleCapture report = command("report", "--run=1");

        assertThat(report.exitCode()).as(report.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(report.err()).isEqualTo("cert-rotator report: run 1 recorded its input as " + relative
                + ", relative to the folder it was started in, and there is no " + relative + " here: give"
                + " --report=FILE, or run report in that folder" + System.lineSeparator());
        assertThat(dir.resolve("moved.results.csv")).doesNotExist();
    }

    @Test
    void reportOfARunWhoseRelativeInputNowHoldsOtherRowsAsksForReport() throws IOException {
        Path input = csv("edited.csv", 2);
        rotate(Path.of("").toAbsolutePath().relativize(input));
        Files.delete(dir.resolve("edited.results.csv"));
        csv("edited.csv", 3);

        ConsoleCapture report = command("report", "--run=1");

        assertThat(report.exitCode()).as(report.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(report.err()).contains("edited.csv here does not hold that input: give --report=FILE")
                .hasLineCount(1);
        assertThat(dir.resolve("edited.results.csv")).doesNotExist();
    }

    @Test
    void reportOfARunThatDoesNotExistIsExitTwo() {
        ConsoleCapture report = command("report", "--run=424242");

        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("no run 424242");
        assertThat(report.all()).doesNotContain("Exception");
    }

    @Test
    void aRepositoryThatCannotBeOpenedIsOneLineAndExitTwo() {
        ConsoleCapture history = command("history", "--spring.datasource.url=jdbc:nosuchdb:x");

        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("cannot start").contains("jdbc:nosuchdb:x");
        assertThat(history.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void historyMarksASimulatedRunAndTheRealRunOfTheSameInputAfterIt() throws IOException {
        Path input = csv("rehearsed.csv", 3);
        ConsoleCapture.of(() -> CertRotatorApplication.run("--input=" + input, "--simulate", "--progress=off", home()));
        rotate(input);

        ConsoleCapture history = command("history");

        List<String> rows = history.out().lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("rehearsed.csv", "COMPLETED").doesNotContain("--simulate");
        assertThat(rows.get(2)).contains("rehearsed.csv", "COMPLETED").endsWith("--simulate");
    }
}
