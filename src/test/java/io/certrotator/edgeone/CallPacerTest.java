package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallPacerTest {

    @Test
    void callsAreSpacedSoNoSecondHoldsMoreThanTheRate() {
        Duration spacing = CallPacer.spacing(20);

        assertThat(spacing).isGreaterThan(Duration.ofMillis(50));
        // 21 calls at this spacing span more than one second.
        assertThat(spacing.multipliedBy(20)).isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void theBucketHasNoBurst() throws InterruptedException {
        CallPacer pacer = CallPacer.local(20);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            pacer.awaitPermit();
        }
        // Five permits need at least four spacings: a bucket with capacity would hand them out at once.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aPushBackDelaysTheNextPermitByAsMuch() throws InterruptedException {
        CallPacer pacer = CallPacer.local(20);
        pacer.awaitPermit();
        long start = System.nanoTime();
        pacer.pushBack(Duration.ofMillis(300));
        pacer.awaitPermit();

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300).plus(CallPacer.spacing(20)).minusMillis(5));
    }

    @Test
    void aRateAboveTheApiLimitIsRefused() {
        assertThatThrownBy(() -> CallPacer.local(21)).isInstanceOf(IllegalArgumentException.class);
    }
}
