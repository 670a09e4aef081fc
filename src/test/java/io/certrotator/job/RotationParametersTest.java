package io.certrotator.job;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RotationParametersTest {

    private static RotationParameters parameters(boolean allowDropping) {
        return new RotationParameters(Path.of("rotation.csv"), "a".repeat(64), 100, false, true, allowDropping, 20,
                "https://teo.tencentcloudapi.com");
    }

    @Test
    void allowingToDropCertificatesMakesAnInstanceOfItsOwn() {
        assertThat(parameters(true).toJobParameters().getIdentifyingParameters())
                .isNotEqualTo(parameters(false).toJobParameters().getIdentifyingParameters());
        assertThat(parameters(true).instanceKey()).endsWith("-allowdrop");
        assertThat(RotationParameters.from(parameters(true).toJobParameters())).isEqualTo(parameters(true));
    }

    @Test
    void withoutTheOptionTheParametersAreThoseOfEarlierVersionsSoTheirRunsResume() {
        assertThat(parameters(false).toJobParameters().getIdentifyingParameters())
                .extracting(parameter -> parameter.name())
                .containsExactlyInAnyOrder("input.sha256", "maxHostsPerCall", "skipInvalid", "verify");
        assertThat(RotationParameters.from(parameters(false).toJobParameters())).isEqualTo(parameters(false));
    }
}
