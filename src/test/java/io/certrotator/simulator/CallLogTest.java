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
            log.add(call(millis, "a.example.com"));
        }
        return log;
    }

    private static CallRecord call(long arrivalMillis, String... hosts) {
        return new CallRecord(Duration.ofMillis(arrivalMillis).toNanos(), Instant.EPOCH.plusMillis(arrivalMillis),
                ACTION, "zone-1", List.of(hosts), "sslcert", List.of("cert-1"), true, CallRecord.OK, "r",
                null);
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
    void theBusyRateEndsWithTheLastHostTriedForTheFirstTime() {
        // hosts 0 to 8, 100 ms apart, with a retry of host 3 among them; then host 5's last retry after a long back-off
        CallLog log = new CallLog();
        for (int host = 0; host < 9; host++) {
            log.add(call(host * 100L + (host > 4 ? 100 : 0), "h" + host + ".example.com"));
        }
        log.add(call(500, "h3.example.com"));
        log.add(call(10_000, "h5.example.com"));

        ActionSummary summary = log.summary(ACTION, 20);

        // ten calls from 0 to 900 ms (host 8's first try), then one at 10 s
        assertThat(summary.busyAdmittedPerSecond()).isCloseTo(10.0, within(0.001));
        assertThat(summary.admittedPerSecond()).isCloseTo(1.0, within(0.001));
    }

    @Test
    void readsThatNameNoHostHaveAllTheirCallsInTheBusyRate() {
        CallLog log = new CallLog();
        for (long millis : new long[] {0, 100, 200, 5_000}) {
            log.add(call(millis));
        }

        assertThat(log.summary(ACTION, 20).busyAdmittedPerSecond()).isEqualTo(log.summary(ACTION, 20).admittedPerSecond());
    }
}
