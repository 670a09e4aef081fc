package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's contract, none of which starts Spring: every command's --help lists every option with its
 * default, --version prints the build's version, and every mistake is exit 2 with one line naming it.
 */
class CommandLineTest {

    private static ConsoleCapture run(String... args) {
        return ConsoleCapture.of(() -> CertRotatorApplication.run(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rotate", "simulate", "history", "report", "upload", "deploy"})
    void everyCommandsHelpListsEveryOptionWithItsDefault(String command) {
        ConsoleCapture help = run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar cert-rotator.jar " + command);
        List<OptionSpec> options = CertRotatorCommand.commandLine(CommandLine.defaultFactory()).getSubcommands()
                .get(command).getCommandSpec().options();
        for (OptionSpec option : options) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String entry = entryOf(help.out(), option.longestName());
            if (option.required()) {
                assertThat(entry).as(option.longestName()).contains("(required");
            } else {
                assertThat(entry).as(option.longestName()).contains("Default: ");
            }
        }
    }

    /** The lines that describe one option in a help text: its own and those that continue it. */
    private static String entryOf(String help, String option) {
        List<String> lines = help.lines().toList();
        int first = lines.indexOf(""); // below the usage synopsis, which names options too
        while (!lines.get(first).matches("\\s+(-\\w, )?" + option + "\\b.*")) {
            first++;
        }
        StringBuilder entry = new StringBuilder(lines.get(first));
        for (int i = first + 1; i < lines.size() && lines.get(i).matches("\\s{8,}\\S.*"); i++) {
            entry.append('\n').append(lines.get(i));
        }
        return entry.toString();
    }

    @Test
    void rotateIsTheCommandWhenNoneIsNamed() {
        assertThat(run("--help").out()).isEqualTo(run("rotate", "--help").out());
        assertThat(run("--input=a.csv", "--rat=5").err()).startsWith("cert-rotator rotate: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "rotate --version", "history --version", "simulate -V"})
    void versionPrintsTheBuildsVersion(String args) {
        ConsoleCapture version = run(args.split(" "));

        assertThat(version.exitCode()).isZero();
        assertThat(version.out().trim()).matches("cert-rotator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--rate=5                                    | give --input=FILE, or --expiring-within=TIME",
            "--input=a.csv --rat=5                       | Unknown option: '--rat=5' (did you mean --rate?)",
            "--input=a.csv stray                         | 'stray' is not an option: rotate takes options only",
            "inventory foo                               | 'foo' is not an option: inventory takes options only",
            "plan --expiring-within=30d --output=- x y   | 'x' is not an option: plan takes options only",
            "history 5                                   | '5' is not an option: history takes options only",
            "--input=a.csv dry-run                       | 'dry-run' is not an option: rotate takes options only (did you mean --dry-run?)",
            "upload --cert=a.pem --key=a.key extra       | 'extra' is not an option: upload takes options only",
            "simulate --seed=x.csv extra                 | 'extra' is not an option: simulate takes options only",
            "--input=a.csv --rate=21                     | Invalid value for option '--rate': 21 is not from 1 to 20",
            "--input=a.csv --max-hosts-per-call=101      | '--max-hosts-per-call': 101 is not from 1 to 100",
            "--input=a.csv --progress=fancy              | Invalid value for option '--progress'",
            "--input=a.csv --log-format=xml              | Invalid value for option '--log-format'",
            "--input=a.csv --endpoint=http://teo.example.invalid | only allowed to a loopback address",
            "--input=a.csv --simulate --endpoint=http://127.0.0.1:1 | --simulate and --endpoint exclude each other",
            "--input=a.csv --plan-output=plan.csv        | --plan-output goes with --dry-run",
            "--input=a.csv --dry-run --plan-output=a.results.csv | --plan-output must not be the report a.results.csv",
            "history --limit=0                           | Invalid value for option '--limit': 0 is not at least 1",
            "history --limt=3                            | Unknown option: '--limt=3'",
            "report                                      | Missing required option: '--run=N'",
            "report --run=abc                            | Invalid value for option '--run': 'abc' is not a long",
            "simulate --seed=x.csv --colour=red          | Unknown option: '--colour=red'",
            "simulate --seed=x.csv --spring.main.x=1     | Unknown option: '--spring.main.x=1'",
            "simulate --port=0                           | --seed=FILE.csv or --state=FILE.json is required"})
    void aMistakeIsExitTwoWithOneLineNamingItAndOneSayingWhereHelpIs(String args, String message) {
        ConsoleCapture run = run(args.trim().split(" +"));
        String command = args.startsWith("-") ? "rotate" : args.split(" ")[0];

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err().lines().toList().get(0)).startsWith("cert-rotator " + command + ": ").contains(message);
        assertThat(run.err().lines().toList().get(1)).isEqualTo("see: java -jar cert-rotator.jar " + command + " --help");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--input=a.csv --rate=3 --rate=4                               | --rate",
            "--input=a.csv --dry-run --dry-run=false                       | --dry-run",
            "--input=a.csv --input=b.csv                                   | --input",
            "--input=a.csv --cert-rotator.home=/a --cert-rotator.home=/b   | --cert-rotator.home",
            "history --limit=3 --limit=4                                   | --limit",
            "simulate --seed=a.csv --port=1 --port=2                       | --port"})
    void anOptionGivenTwiceWithDifferentValuesIsExitTwoNamingIt(String args, String option) {
        ConsoleCapture run = run(args.trim().split(" +"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(option + " is given more than once, with different values");
    }

    @Test
    void aStrayWordThatIsNoFileIsOneLineNamingItWithoutAHint() {
        ConsoleCapture run = run("--input=a.csv", "no-such-file.csv");

        assertThat(run.err().lines()).containsExactly(
                "cert-rotator rotate: 'no-such-file.csv' is not an option: rotate takes options only",
                "see: java -jar cert-rotator.jar rotate --help");
    }

    @Test
    void aStrayWordThatIsAFileSuggestsTheOptionThatReadsIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("extra.csv"), "zone_id,host\n");

        ConsoleCapture run = run("--input=x.csv", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("cert-rotator rotate: '" + file + "' is not an option: rotate"
                + " takes options only (did you mean --input=" + file + "?)", "see: java -jar cert-rotator.jar rotate --help");
    }

    @Test
    void aStrayFileIsSuggestedOnlyForAnOptionThatReadsOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hosts.csv"), "zone_id,host\n");

        assertThat(run("inventory", file.toString()).err().lines().findFirst()).contains("cert-rotator inventory: '"
                + file + "' is not an option: inventory takes options only");
        assertThat(run("upload", "--cert=a.pem", "--key=a.key", file.toString()).err().lines().findFirst()).contains(
                "cert-rotator upload: '" + file + "' is not an option: upload takes options only (did you mean --cert="
                        + file + " or --key=" + file + "?)");
    }

    @Test
    void anOptionGivenTwiceWithTheSameValueIsNoContradiction() {
        ConsoleCapture run = run("--input=a.csv", "--rate=3", "--rate=3", "--plan-output=plan.csv");

        assertThat(run.err()).doesNotContain("more than once").contains("--plan-output goes with --dry-run");
    }

    @Test
    void anInputTheBuiltInSimulatorCannotReadIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "zone_id,host\n\"unterminated\n");

        ConsoleCapture run = run("--input=" + broken, "--simulate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("cert-rotator rotate: " + broken + ": line 2: a quoted field"
                + " is never closed (a \" without its closing \")");
    }

    @ParameterizedTest
    @CsvSource({"--seed, seed.csv, the seed", "--state, state.json, the state"})
    void simulatesPortFileMayNotBeTheFileItIsSeededFrom(String option, String name, String what, @TempDir Path dir)
            throws IOException {
        Path seed = Files.writeString(dir.resolve(name), name.endsWith(".csv") ? "zone_id,host,mode,cert_ids\n"
                : "{\"zones\":[]}");
        String content = Files.readString(seed);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = SimulateCommand.run(new String[]{option + "=" + seed, "--port-file=" + dir.resolve(".").resolve(name)},
                Map.of("TENCENTCLOUD_SECRET_ID", "AKIDsimulate", "TENCENTCLOUD_SECRET_KEY", "simulate-key"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CompletableFuture.completedFuture(null));

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "cert-rotator simulate: --port-file must not be " + what + " " + seed + ": it would be overwritten");
        assertThat(Files.readString(seed)).isEqualTo(content);
    }

    @Test
    void theDefaultReportIsBesideTheInput() {
        assertThat(RotateOptions.defaultReport(Path.of("dir/rotation.csv"))).isEqualTo(Path.of("dir/rotation.results.csv"));
        assertThat(RotateOptions.defaultReport(Path.of("dir/rotation.CSV"))).isEqualTo(Path.of("dir/rotation.results.csv"));
    }
}
