package io.certrotator.estate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTimesTest {

    @Test
    void edgeOneTimeWithZIsThatInstant() {
        assertThat(ApiTimes.edgeOne("2026-03-01T12:30:00Z")).contains(Instant.parse("2026-03-01T12:30:00Z"));
    }

    @Test
    void edgeOneTimeWithAnOffsetIsThatInstant() {
        assertThat(ApiTimes.edgeOne("2026-03-01T12:30:00+00:00")).contains(Instant.parse("2026-03-01T12:30:00Z"));
        assertThat(ApiTimes.edgeOne("2026-03-01T20:30:00+08:00")).contains(Instant.parse("2026-03-01T12:30:00Z"));
    }

    @Test
    void sslServiceTimeIsBeijingTime() {
        assertThat(ApiTimes.sslService("2026-03-01 08:00:00")).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(ApiTimes.sslService(" 2026-01-01 07:59:59 ")).contains(Instant.parse("2025-12-31T23:59:59Z"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "garbage", "2026-03-01", "2026-03-01T12:30:00", "2026-13-01T00:00:00Z",
            "2026-03-01 08:00:00", "0000-00-00 00:00:00Z"})
    void anUnreadableEdgeOneTimeIsUnknown(String text) {
        assertThat(ApiTimes.edgeOne(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "garbage", "2026-03-01", "2026-03-01T08:00:00Z", "2026/03/01 08:00:00",
            "0000-00-00 00:00:00", "2026-02-30 08:00:00"})
    void anUnreadableSslServiceTimeIsUnknown(String text) {
        assertThat(ApiTimes.sslService(text)).isEmpty();
    }
}
