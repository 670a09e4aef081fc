package io.certrotator.edgeone;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before trying a call again: exponential back-off with jitter.
 * With the defaults, 6 attempts spread over about a minute.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(30));

    public boolean mayRetryAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the given number of attempts: half to all of base x 2^(attempts-1), capped. */
    public Duration delayAfter(int attempts) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempts - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
