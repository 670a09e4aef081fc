package io.certrotator.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CallLogTest {

    private static final String ACTION = "ModifyHostsCertificate";

    private static CallLog arrivals(long... arrivalMillis) {
        CallLog log = new CallLog();
        for (long millis : arrivalMillis) {
            log.add(new CallRecord(Duration.ofMillis(millis).toNanos(), Instant.EPOCH.plusMillis(millis), ACTION,
                    "zone-1", List.of("a.example.com"), "sslcert", List.of("cert-1"), true, CallRecord.OK, "r"));
        }
        return log;
    }

    @Test
    void theSummaryGivesTheShortestTimeInWhichOneCallMoreThanTheLimitArrived() {
        CallLog log = arrivals(0, 600, 1100, 1500, 2700);

        ActionSummary summary = log.summary(ACTION, 2);

        // three arrivals: 0-1100, 600-1500 (the shortest, 900 ms) and 1100-2700
        assertThat(summary.shortestSpanOverLimit()).isEqualTo(Duration.ofMillis(900));
        assertThat(summary.line()).contains("shortest_span_over_limit_ms=900.0");
        assertThat(log.summary(ACTION, 5).shortestSpanOverLimit()).isNull();
    }

    @Test
    void theBusyRateLeavesOutTheLastTenthOfTheCalls() {
        // nine calls 100 ms apart, then a last retry after a long back-off
        ActionSummary summary = arrivals(0, 100, 200, 300, 400, 500, 600, 700, 800, 10_000).summary(ACTION, 20);

        assertThat(summary.busyAdmittedPerSecond()).isCloseTo(10.0, within(0.001));
        assertThat(summary.admittedPerSecond()).isCloseTo(0.9, within(0.001));
    }
}
