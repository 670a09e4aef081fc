package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RunTimeTest {

    @Test
    void aRunsTimeIsShownToTheSecondAsHistoryShowsIt() {
        assertThat(RunTime.of(LocalDateTime.of(2026, 12, 1, 20, 15, 55, 179_214_011))).isEqualTo("2026-12-01 20:15:55");
    }

    @Test
    void aTimeNotRecordedIsADash() {
        assertThat(RunTime.of(null)).isEqualTo("-");
    }
}
