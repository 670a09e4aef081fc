package io.certrotator.edgeone;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @RepeatedTest(20)
    void theDelayDoublesWithJitterUpToItsCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(policy.delayAfter(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(policy.delayAfter(10)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void theDefaultGivesSixAttempts() {
        assertThat(RetryPolicy.DEFAULT.mayRetryAfter(5)).isTrue();
        assertThat(RetryPolicy.DEFAULT.mayRetryAfter(6)).isFalse();
    }
}
