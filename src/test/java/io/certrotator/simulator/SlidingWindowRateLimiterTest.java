package io.certrotator.simulator;

import java.util.Map;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's limit on given arrival times: what the server admits, whatever the machine's load. */
class SlidingWindowRateLimiterTest {

    private static final String ACTION = "ModifyHostsCertificate";
    private static final long MS = 1_000_000;

    /** Arrivals {@code everyMillis} apart from 0; true for each one admitted. */
    private static List<Boolean> arrivals(SlidingWindowRateLimiter limiter, int count, long everyMillis) {
        List<Boolean> admitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            admitted.add(limiter.tryAdmit(ACTION, i * everyMillis * MS).isPresent());
        }
        return admitted;
    }

    @Test
    void atTwiceTheLimitHalfTheArrivalsAreAdmitted() {
        List<Boolean> admitted = arrivals(new SlidingWindowRateLimiter(20, Map.of()), 80, 25);

        assertThat(admitted.stream().filter(a -> a).count()).isEqualTo(40);
    }

    @Test
    void theFirstArrivalOverTheLimitInOneSecondIsRefused() {
        List<Boolean> admitted = arrivals(new SlidingWindowRateLimiter(3, Map.of()), 4, 150);

        assertThat(admitted).containsExactly(true, true, true, false);
    }

    @Test
    void anArrivalOneSecondAfterTheOldestAdmittedOneIsAdmittedAgain() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(3, Map.of());
        arrivals(limiter, 7, 150);

        assertThat(limiter.tryAdmit(ACTION, 1_000 * MS)).isPresent();
    }

    @Test
    void anArrivalStampedBeforeTheLastAdmittedOnesCountsInTheWindowAfterIt() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(2, Map.of());
        limiter.tryAdmit(ACTION, 1_000 * MS);
        limiter.tryAdmit(ACTION, 1_100 * MS);

        assertThat(limiter.tryAdmit(ACTION, 400 * MS)).isEmpty();
    }
}
