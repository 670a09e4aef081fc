package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The folders that cannot be written are under /proc and /sys: the tests run as root in CI, and root writes a folder
 * that is {@code chmod 555}, but no one can create a file in /proc or /sys.
 */
class WritableFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFileInAFolderThatCanBeWrittenPassesAndLeavesNothingBehind() throws IOException {
        WritableFolder.check(dir.resolve("rotation.results.csv"), "the report", "--report");

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderStillToBeMadeInsideOneThatCanBeWrittenPasses() {
        WritableFolder.check(dir.resolve("out/daily/rotation.results.csv"), "the report", "--report");

        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderWhereNoFileCanBeCreatedIsRefusedNamingTheFolderAndTheOption() {
        assertThatThrownBy(() -> WritableFolder.check(Path.of("/proc/self/rotation.results.csv"), "the report",
                "--report"))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessage("cannot write the report /proc/self/rotation.results.csv: the folder /proc/self is not"
                        + " writable (no file can be created there); give --report=FILE in a folder you can write");
    }

    @Test
    void aMissingFolderIsJudgedByTheNearestFolderThatExists() {
        assertThatThrownBy(() -> WritableFolder.check(Path.of("/sys/out/plan.csv"), "the plan", "--output"))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessageContaining("the folder /sys is not writable")
                .hasMessageEndingWith("give --output=FILE in a folder you can write");
    }

    @Test
    void aFileWhereAFolderShouldBeIsRefusedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("rotation.csv"), "zone_id,host\n");

        assertThat(WritableFolder.unwritable(file.resolve("out"))).contains(file + " is a file, not a folder");
    }

    @Test
    void aFolderGivenAsTheFileIsRefused() {
        assertThatThrownBy(() -> WritableFolder.check(dir, "the report", "--report"))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessage("cannot write the report " + dir + ": it is a folder; give --report=FILE");
    }
}
