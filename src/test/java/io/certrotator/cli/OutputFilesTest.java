package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writing an output file, and what a failure to write it says. The devices are made with {@code mknod} in a folder of
 * the test's own (the tests run as root in CI), never the machine's {@code /dev}: the code before this test replaced a
 * device with a regular file.
 */
class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheTextWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out/plan.csv");

        OutputFiles.write(file, "zone_id,host,mode,cert_ids\n");

        assertThat(file).hasContent("zone_id,host,mode,cert_ids");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDeviceIsWrittenInPlaceNotReplaced() {
        Path devNull = device("null", 3);

        OutputFiles.write(devNull, "zone_id,host,mode,cert_ids\n");

        assertThat(Files.isRegularFile(devNull)).as("replaced by a regular file").isFalse();
    }

    @Test
    void aDeviceThatRefusesTheWriteIsExit1InOneLineWithTheSystemsReason() {
        Path devFull = device("full", 7);

        assertThatThrownBy(() -> OutputFiles.write(devFull, "zone_id,host,mode,cert_ids\n"))
                .isInstanceOfSatisfying(CommandFailure.class,
                        failure -> assertThat(failure.exitCode()).isEqualTo(ExitCodes.STOPPED))
                .hasMessage("cannot write " + devFull + ": no space left on device");
        assertThat(Files.isRegularFile(devFull)).as("replaced by a regular file").isFalse();
    }

    @Test
    void aFileThatCannotBeReplacedIsExit1InOneLineWithoutJavaNamesOrTheTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("imm.csv"), "old\n");
        assumeTrue(command("chattr", "+i", file.toString()), "chattr +i works here");
        try {
            assertThatThrownBy(() -> OutputFiles.write(file, "new\n"))
                    .isInstanceOfSatisfying(CommandFailure.class,
                            failure -> assertThat(failure.exitCode()).isEqualTo(ExitCodes.STOPPED))
                    .hasMessage("cannot write " + file + ": operation not permitted");
        } finally {
            command("chattr", "-i", file.toString());
        }
        assertThat(file).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDeviceIsCheckedItselfNotItsFolder() {
        Path folder = dir.resolve("dev");
        Path devNull = folder.resolve("null");
        assumeTrue(folder.toFile().mkdir() && command("mknod", devNull.toString(), "c", "1", "3")
                && command("chattr", "+i", folder.toString()), "mknod and chattr +i work here");
        try {
            assertThatThrownBy(() -> WritableFolder.check(folder.resolve("plan.csv"), "the plan", "--output"))
                    .isInstanceOf(ConfigurationMistake.class);

            OutputFiles.checkWritable(devNull, "the plan", "--output");
        } finally {
            command("chattr", "-i", folder.toString());
        }
    }

    @Test
    void aFileIsCheckedByItsFolder() {
        assertThatThrownBy(() -> OutputFiles.checkWritable(Path.of("/proc/self/plan.csv"), "the plan", "--output"))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessageStartingWith("cannot write the plan /proc/self/plan.csv: the folder /proc/self is not writable");
    }

    private Path device(String name, int minor) {
        Path device = dir.resolve(name);
        assumeTrue(command("mknod", device.toString(), "c", "1", String.valueOf(minor)), "mknod works here");
        return device;
    }

    static boolean command(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
