package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
}
