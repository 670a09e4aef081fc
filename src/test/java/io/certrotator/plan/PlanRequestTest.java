package io.certrotator.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanRequestTest {

    @Test
    void replaceOptionNamesTheOldCertificateAndOptionallyTheNewOne() {
        assertThat(Replacement.parse("cert-old=cert-new")).isEqualTo(new Replacement("cert-old", Optional.of("cert-new")));
        assertThat(Replacement.parse(" cert-old ")).isEqualTo(new Replacement("cert-old", Optional.empty()));
    }

    @Test
    void sameOldCertificateReplacedTwoWaysIsRefused() {
        List<Replacement> twoWays = List.of(Replacement.parse("cert-old=cert-a"), Replacement.parse("cert-old=cert-b"));

        assertThatThrownBy(() -> PlanRequest.replacing(twoWays, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--replace names cert-old twice, differently");
    }

    @Test
    void anEmptyCertificateIdIsRefused() {
        for (String value : List.of("cert-old=", "=cert-new", "")) {
            assertThatThrownBy(() -> PlanRequest.replacing(List.of(Replacement.parse(value)), List.of(), List.of()))
                    .as(value).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--replace=" + value + ": a certificate ID is empty");
        }
    }

    @Test
    void sameReplacementGivenTwiceIsOne() {
        PlanRequest request = PlanRequest.replacing(
                List.of(Replacement.parse("cert-old=cert-a"), Replacement.parse("cert-old=cert-a")), List.of(), List.of());

        assertThat(request.replacementsByOldId()).containsOnlyKeys("cert-old");
    }

    @Test
    void noZoneAndNoHostGlobSelectsEveryHost() {
        PlanRequest request = PlanRequest.expiringWithin(Duration.ofDays(30), List.of(), List.of());

        assertThat(request.selects("zone-any", "any.example.com")).isTrue();
    }
}
