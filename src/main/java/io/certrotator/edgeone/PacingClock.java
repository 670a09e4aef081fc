package io.certrotator.edgeone;

import io.github.bucket4j.TimeMeter;

import java.util.concurrent.TimeUnit;

/** The time the pacing runs on: the bucket's refill, a caller's wait for it, a request's lateness. */
interface PacingClock {

    PacingClock SYSTEM = new PacingClock() {
        private static final long SPIN_NANOS = 1_500_000;

        @Override
        public TimeMeter meter() {
            return TimeMeter.SYSTEM_MILLISECONDS;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        /**
         * Sleeps most of the wait and spins the rest: a sleep overshoots by a fraction of a millisecond, and
         * the next token only starts to refill once this one is taken, so every overshoot would slow the rate.
         */
        @Override
        public void waitFor(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            if (nanos > SPIN_NANOS) {
                TimeUnit.NANOSECONDS.sleep(nanos - SPIN_NANOS);
            }
            while (System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
    };

    /** The clock of a local bucket. */
    TimeMeter meter();

    long nanoTime();

    void waitFor(long nanos) throws InterruptedException;
}
