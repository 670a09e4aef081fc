package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallPacerTest {

    private final FakePacingClock clock = new FakePacingClock();
    private final CallPacer pacer = CallPacer.local(20, clock);

    @Test
    void anIdleBucketSavesUpNoBurst() throws InterruptedException {
        clock.advance(Duration.ofSeconds(10));
        long start = clock.nanoTime();
        for (int i = 0; i < 21; i++) {
            pacer.awaitPermit();
        }

        assertThat(Duration.ofNanos(clock.nanoTime() - start)).isGreaterThanOrEqualTo(CallPacer.spacing(20).multipliedBy(20));
    }

    @Test
    void aPushBackDelaysTheNextPermitByAsMuch() throws InterruptedException {
        pacer.awaitPermit();
        long start = clock.nanoTime();
        pacer.pushBack(Duration.ofMillis(300));
        pacer.awaitPermit();

        assertThat(Duration.ofNanos(clock.nanoTime() - start))
                .isCloseTo(Duration.ofMillis(300).plus(CallPacer.spacing(20)), Duration.ofNanos(1_000));
    }

    @Test
    void aRateAboveTheApiLimitIsRefused() {
        assertThatThrownBy(() -> CallPacer.local(21)).isInstanceOf(IllegalArgumentException.class);
    }
}
