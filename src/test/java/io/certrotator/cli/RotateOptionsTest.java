package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotateOptionsTest {

    @Test
    void defaultsFollowTheContract() {
        RotateOptions options = RotateOptions.parse("--input=dir/rotation.csv");

        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.maxHostsPerCall()).isEqualTo(100);
        assertThat(options.endpoint()).isEqualTo("https://teo.tencentcloudapi.com");
        assertThat(options.report()).isEqualTo(Path.of("dir/rotation.results.csv"));
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void springPropertiesPassThrough() {
        RotateOptions options = RotateOptions.parse("--input=a.csv", "--spring.datasource.url=jdbc:h2:mem:x",
                "--logging.level.root=DEBUG");

        assertThat(options.input()).isEqualTo(Path.of("a.csv"));
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> RotateOptions.parse("--input=a.csv", "--rat=5"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --rat");
    }

    @Test
    void theInputIsRequired() {
        assertThatThrownBy(() -> RotateOptions.parse("--dry-run")).hasMessageContaining("--input=FILE is required");
    }

    @Test
    void aRateAboveTheApiLimitIsRefused() {
        assertThatThrownBy(() -> RotateOptions.parse("--input=a.csv", "--rate=21"))
                .hasMessageContaining("--rate must be a whole number from 1 to 20");
    }

    @Test
    void moreThanAHundredHostsPerCallIsRefused() {
        assertThatThrownBy(() -> RotateOptions.parse("--input=a.csv", "--max-hosts-per-call=101"))
                .hasMessageContaining("--max-hosts-per-call");
    }

    @Test
    void plainHttpToANonLoopbackEndpointIsRefused() {
        assertThatThrownBy(() -> RotateOptions.parse("--input=a.csv", "--endpoint=http://teo.example.invalid"))
                .hasMessageContaining("loopback");
    }
}
