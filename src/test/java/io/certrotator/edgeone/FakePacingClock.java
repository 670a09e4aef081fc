package io.certrotator.edgeone;

import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/** Time that moves only when a caller waits or a test says so: pacing tests that a busy machine cannot disturb. */
final class FakePacingClock implements PacingClock, TimeMeter {

    private long now = Duration.ofHours(1).toNanos();

    @Override
    public TimeMeter meter() {
        return this;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** At least a nanosecond: Bucket4j may answer 0 ns to wait for the last fraction of a token, and real time moves on. */
    @Override
    public void waitFor(long nanos) {
        now += Math.max(1, nanos);
    }

    @Override
    public long currentTimeNanos() {
        return now;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    void advance(Duration duration) {
        now += duration.toNanos();
    }
}
