package io.certrotator.cli;

import io.certrotator.input.InputDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where report --run=N puts a run's report when no --report is given, from the input's path as the run recorded it. */
class RunInputTest {

    private static final String CSV = "zone_id,host,mode,cert_ids\nzone-a,a.example.com,sslcert,cert-a\n";

    @TempDir
    Path dir;

    private RunInput runOf(Path recorded, String content) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "content", ".csv"), content);
        return new RunInput(7, recorded, InputDigest.sha256(file));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void anAbsoluteInputsReportIsBesideItFromAnyFolder() throws IOException {
        Path input = folder("started").resolve("rotation.csv");

        assertThat(runOf(input, CSV).defaultReport(folder("elsewhere")))
                .isEqualTo(input.resolveSibling("rotation.results.csv"));
    }

    @Test
    void aRelativeInputsReportIsBesideItWhenTheFileHereHoldsTheInput() throws IOException {
        Path here = folder("started");
        Files.writeString(here.resolve("rotation.csv"), CSV);

        assertThat(runOf(Path.of("rotation.csv"), CSV).defaultReport(here))
                .isEqualTo(here.resolve("rotation.results.csv"));
    }

    @Test
    void aRelativeInputThatIsNotHereIsAMistakeAskingForReport() throws IOException {
        RunInput run = runOf(Path.of("rotation.csv"), CSV);

        assertThatThrownBy(() -> run.defaultReport(folder("elsewhere"))).isInstanceOf(ConfigurationMistake.class)
                .hasMessage("run 7 recorded its input as rotation.csv, relative to the folder it was started in, and"
                        + " there is no rotation.csv here: give --report=FILE, or run report in that folder");
    }

    @Test
    void aRelativeInputNamingAnotherFileHereIsAMistakeAskingForReport() throws IOException {
        Path here = folder("elsewhere");
        Files.writeString(here.resolve("rotation.csv"), CSV + "zone-b,b.example.com,sslcert,cert-b\n");
        RunInput run = runOf(Path.of("rotation.csv"), CSV);

        assertThatThrownBy(() -> run.defaultReport(here)).isInstanceOf(ConfigurationMistake.class)
                .hasMessageContaining("and rotation.csv here does not hold that input: give --report=FILE");
        assertThat(here.resolve("rotation.results.csv")).doesNotExist();
    }
}
