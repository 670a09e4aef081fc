package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No one can create a file in /proc, not even root, who runs the tests in CI. */
class RepositoryFolderTest {

    @Test
    void anH2FileUrlNamesItsFolder() {
        assertThat(RepositoryFolder.h2Folder("jdbc:h2:file:/var/lib/cert-rotator/jobs;AUTO_SERVER=TRUE;WRITE_DELAY=0"))
                .contains(Path.of("/var/lib/cert-rotator"));
        assertThat(RepositoryFolder.h2Folder("jdbc:h2:/srv/jobs")).contains(Path.of("/srv"));
        assertThat(RepositoryFolder.h2Folder("jdbc:h2:~/repo/jobs"))
                .contains(Path.of(System.getProperty("user.home"), "repo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:jobs", "jdbc:h2:tcp://db.example.com/jobs", "jdbc:h2:ssl://db/jobs",
            "jdbc:postgresql://db.example.com/jobs"})
    void aRepositoryThatIsNoFileHereHasNoFolderToCheck(String url) {
        assertThat(RepositoryFolder.h2Folder(url)).isEmpty();
    }

    @Test
    void theDefaultRepositoryInAHomeThatCannotBeMadeIsRefusedNamingTheHomeOption() {
        assertThatThrownBy(() -> RepositoryFolder.check(List.of("--cert-rotator.home=/proc/self/cert-rotator")))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessage("cannot open the job repository in /proc/self/cert-rotator: the folder /proc/self is not"
                        + " writable (no file can be created there); give --cert-rotator.home=DIR in a folder you can"
                        + " write");
    }

    @Test
    void aRepositoryElsewhereThatCannotBeMadeIsRefusedNamingTheDatasourceOption(@TempDir Path home) {
        assertThatThrownBy(() -> RepositoryFolder.check(List.of("--cert-rotator.home=" + home,
                "--spring.datasource.url=jdbc:h2:file:/proc/self/repo/jobs")))
                .isInstanceOf(ConfigurationMistake.class)
                .hasMessageStartingWith("cannot open the job repository in /proc/self/repo: the folder /proc/self")
                .hasMessageEndingWith("give --spring.datasource.url=jdbc:h2:file:DIR/jobs in a folder you can write");
    }

    @Test
    void aRepositoryFolderThatCanBeWrittenPasses(@TempDir Path home) {
        RepositoryFolder.check(List.of("--cert-rotator.home=" + home.resolve("new")));

        assertThat(home.resolve("new")).doesNotExist();
    }
}
