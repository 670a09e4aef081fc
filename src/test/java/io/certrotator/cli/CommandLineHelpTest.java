package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} for every command, and a wrong option refused in one line with exit 2. */
class CommandLineHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"rotate", "simulate", "history", "report"})
    void everyCommandHasHelpListingItsOptionsWithDefaults(String command) {
        ConsoleCapture help = ConsoleCapture.of(() -> CertRotatorApplication.run(command, "--help"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar cert-rotator.jar").contains(command, "--help", "default");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--input=a.csv --rat=5                | unknown option --rat",
            "--input=a.csv --progress=fancy       | --progress must be bar, log or off",
            "--input=a.csv --log-format=xml       | --log-format must be text or json",
            "history --limit=0                    | --limit must be a whole number of at least 1",
            "history --limt=3                     | unknown option --limt",
            "report                               | --run=N is required",
            "report --run=abc                     | --run must be a whole number",
            "simulate --seed=x.csv --colour=red   | unknown option --colour=red"})
    void aWrongOptionIsExitTwoWithAClearMessage(String args, String message) {
        ConsoleCapture run = ConsoleCapture.of(() -> CertRotatorApplication.run(args.trim().split(" ")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.all()).doesNotContain("Exception");
    }
}
