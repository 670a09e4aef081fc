package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HomeFolderTest {

    @Test
    void theCommandLineNamesTheHome() {
        assertThat(HomeFolder.of(List.of("--logging.level.root=WARN", "--cert-rotator.home=/var/lib/cert-rotator")))
                .isEqualTo(Path.of("/var/lib/cert-rotator"));
    }

    @Test
    void withoutItTheHomeIsApplicationPropertiesDefault() {
        assertThat(HomeFolder.of(List.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".cert-rotator"));
    }

    @Test
    void aHomeWhereNoFileCanBeCreatedIsRefusedNamingItTheFolderThatRefusesAndTheOption() {
        // /proc: root, who runs the tests in CI, writes a chmod 555 folder, but no one creates a file in /proc
        assertThatThrownBy(() -> HomeFolder.writable(List.of("--cert-rotator.home=/proc/self/cert-rotator")))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessage("cannot use the home /proc/self/cert-rotator: the folder /proc/self is not writable (no file"
                        + " can be created there); give --cert-rotator.home=DIR in a folder you can write");
    }

    @Test
    void aHomeStillToBeMadeInAFolderThatCanBeWrittenIsUsedAndNotMadeYet(@TempDir Path dir) {
        Path home = dir.resolve("cert-rotator");

        assertThat(HomeFolder.writable(List.of("--cert-rotator.home=" + home))).isEqualTo(home);
        assertThat(home).doesNotExist();
    }
}
