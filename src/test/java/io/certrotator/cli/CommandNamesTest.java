package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The first word of the command line names a command: a word that names none is a mistake, named, with the closest. */
class CommandNamesTest {

    private static ConsoleCapture run(String... args) {
        return ConsoleCapture.of(() -> CertRotatorApplication.run(args));
    }

    private static List<String> registeredCommands() {
        return List.copyOf(CertRotatorCommand.commandLine(CommandLine.defaultFactory()).getSubcommands().keySet());
    }

    @ParameterizedTest
    @CsvSource({"inventroy, inventory", "rotat, rotate", "histroy, history", "Plan, plan", "rollbak, rollback"})
    void aMisspelledCommandIsExitTwoNamingItAndTheClosestCommand(String typed, String closest) {
        ConsoleCapture run = run(typed, "--zone=zone-a");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly(
                "cert-rotator: unknown command '" + typed + "' (did you mean " + closest + "?)",
                "see: java -jar cert-rotator.jar --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aWordCloseToNoCommandIsExitTwoListingTheCommands() {
        ConsoleCapture run = run("help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines().findFirst()).contains("cert-rotator: unknown command 'help' (the commands: "
                + String.join(", ", registeredCommands()) + ")");
    }

    /** The input given without --input= is no command: it is rotate's, and said so. */
    @Test
    void aFirstWordThatIsAFileAndCloseToNoCommandIsTakenForTheInputWithoutItsOption(@TempDir Path dir)
            throws IOException {
        Path input = Files.writeString(dir.resolve("rotation.csv"), "zone_id,host\n");

        ConsoleCapture run = run(input.toString(), "--simulate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("cert-rotator rotate: '" + input + "' is not an option: rotate"
                + " takes options only (did you mean --input=" + input + "?)", "see: java -jar cert-rotator.jar rotate --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rotatesHelpNamesEveryOtherRegisteredCommand() {
        String help = run("rotate", "--help").out().replace(System.lineSeparator(), " ");

        List<String> others = registeredCommands().stream().filter(name -> !name.equals("rotate")).toList();
        assertThat(others).contains("rollback");
        assertThat(help).contains("Other commands (each with --help): " + String.join(", ", others) + ".");
    }
}
