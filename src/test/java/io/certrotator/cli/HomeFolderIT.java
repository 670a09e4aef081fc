package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A home (or a job repository folder) that cannot be made or written: one line naming it, why and the option to give,
 * exit 2, nothing on standard output, before H2 opens anything. The folder no one can write is /proc/self: CI runs as
 * root, who writes a {@code chmod 555} folder, but no one creates a file in /proc.
 */
class HomeFolderIT {

    private static final String HOME = "/proc/self/cert-rotator";

    @TempDir
    Path dir;

    private static ConsoleCapture command(String... args) {
        return ConsoleCapture.of(() -> CertRotatorApplication.run(args));
    }

    @Test
    void historyWithARepositoryFolderThatCannotBeMadeIsOneLineAndExitTwo() {
        ConsoleCapture history = command("history", "--cert-rotator.home=" + HOME);

        assertThat(history.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(history.err()).isEqualTo("cert-rotator history: cannot open the job repository in " + HOME
                + ": the folder /proc/self is not writable (no file can be created there); give"
                + " --cert-rotator.home=DIR in a folder you can write" + System.lineSeparator());
        assertThat(history.out()).isEmpty();
    }

    @Test
    void aRelativeHomeIsTheFolderOfThatNameInTheCurrentFolder() throws IOException {
        Path home = Path.of("target", "relative-home-" + System.nanoTime());
        try {
            ConsoleCapture run = command("--input=samples/rotation.csv", "--simulate", "--cert-rotator.home=" + home);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCEEDED);
            assertThat(home.resolve("jobs.mv.db")).exists();
        } finally {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    @Test
    void aRotationWithAHomeThatCannotBeWrittenIsOneLineAndExitTwoBeforeAnythingStarts() throws IOException {
        Path input = Files.write(dir.resolve("rotation.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-home1,a.example.com,sslcert,cert-home1"));

        ConsoleCapture run = command("--input=" + input, "--simulate", "--cert-rotator.home=" + HOME,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("repository/jobs"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("cert-rotator rotate: cannot use the home " + HOME + ": the folder /proc/self"
                + " is not writable").endsWith("give --cert-rotator.home=DIR in a folder you can write"
                + System.lineSeparator()).hasLineCount(1);
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("repository")).doesNotExist();
    }
}
