package io.certrotator.job;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RotationParametersTest {

    private static RotationParameters parameters(boolean allowDropping) {
        return new RotationParameters(Path.of("rotation.csv"), "a".repeat(64), 100, false, true, allowDropping, false, 20,
                "https://teo.tencentcloudapi.com");
    }

    private static RotationParameters simulated() {
        return new RotationParameters(Path.of("rotation.csv"), "a".repeat(64), 100, false, true, false, true, 20,
                "http://127.0.0.1:41851");
    }

    @Test
    void allowingToDropCertificatesMakesAnInstanceOfItsOwn() {
        assertThat(parameters(true).toJobParameters().getIdentifyingParameters())
                .isNotEqualTo(parameters(false).toJobParameters().getIdentifyingParameters());
        assertThat(parameters(true).instanceKey()).endsWith("-allowdrop");
        assertThat(RotationParameters.from(parameters(true).toJobParameters())).isEqualTo(parameters(true));
    }

    @Test
    void aSimulatedRunIsAnInstanceOfItsOwn() {
        assertThat(simulated().toJobParameters().getIdentifyingParameters())
                .isNotEqualTo(parameters(false).toJobParameters().getIdentifyingParameters());
        assertThat(simulated().instanceKey()).isNotEqualTo(parameters(false).instanceKey()).endsWith("-simulated");
        assertThat(RotationParameters.from(simulated().toJobParameters())).isEqualTo(simulated());
    }

    @Test
    void theFirstRoundOfAPlanIsThePlainInstanceOfItsInput() {
        assertThat(parameters(false).toJobParameters(1)).isEqualTo(parameters(false).toJobParameters());
    }

    @Test
    void eachLaterRoundOfAPlanIsAnInstanceOfItsOwn() {
        DefaultJobKeyGenerator instanceKey = new DefaultJobKeyGenerator();
        assertThat(List.of(1, 2, 3).stream().map(round -> instanceKey.generateKey(parameters(false).toJobParameters(round))))
                .doesNotHaveDuplicates();
        assertThat(RotationParameters.from(parameters(false).toJobParameters(2))).isEqualTo(parameters(false));
    }

    @Test
    void withoutTheOptionTheParametersAreThoseOfEarlierVersionsSoTheirRunsResume() {
        assertThat(parameters(false).toJobParameters().getIdentifyingParameters())
                .extracting(parameter -> parameter.name())
                .containsExactlyInAnyOrder("input.sha256", "maxHostsPerCall", "skipInvalid", "verify");
        assertThat(RotationParameters.from(parameters(false).toJobParameters())).isEqualTo(parameters(false));
    }
}
