package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void daysHoursAndMinutesAreWholeNumbersWithTheirLetter() {
        assertThat(converter.convert("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(converter.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert(" 7D ")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void isoDurationsAreAcceptedWithDays() {
        assertThat(converter.convert("P30D")).isEqualTo(Duration.ofDays(30));
        assertThat(converter.convert("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("p1dt6h")).isEqualTo(Duration.ofHours(30));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsExpected() {
        assertThatThrownBy(() -> converter.convert("30 days")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining(DurationConverter.EXPECTED);
        assertThatThrownBy(() -> converter.convert("1y")).hasMessageContaining(DurationConverter.EXPECTED);
        assertThatThrownBy(() -> converter.convert("P1M")).hasMessageContaining(DurationConverter.EXPECTED);
    }

    @Test
    void zeroAndNegativeTimesAreRefused() {
        assertThatThrownBy(() -> converter.convert("0d")).hasMessageContaining("not longer than zero");
        assertThatThrownBy(() -> converter.convert("PT-5M")).hasMessageContaining("not longer than zero");
    }
}
