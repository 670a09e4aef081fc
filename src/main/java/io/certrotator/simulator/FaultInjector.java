package io.certrotator.simulator;

import java.time.Duration;
import java.util.Random;

/** Draws the {@link Faults} from one seeded {@link Random}: sequential calls replay identically for a seed. */
final class FaultInjector {
    private final Random random;
    private volatile Faults faults;

    FaultInjector(Faults faults, long seed) {
        this.faults = faults;
        this.random = new Random(seed);
    }

    Faults faults() {
        return faults;
    }

    void faults(Faults faults) {
        this.faults = faults;
    }

    synchronized Disruption drawDisruption() {
        Faults f = faults;
        if (happens(f.hangRate())) {
            return new Disruption.Hang();
        }
        if (happens(f.dropRate())) {
            return new Disruption.Drop();
        }
        if (happens(f.http502Rate())) {
            return new Disruption.BadGateway();
        }
        if (happens(f.badBodyRate())) {
            return new Disruption.Garbage(f.badBody());
        }
        if (happens(f.transientErrorRate())) {
            return new Disruption.TransientError(ErrorCodes.TRANSIENT.get(random.nextInt(ErrorCodes.TRANSIENT.size())));
        }
        return Disruption.NONE;
    }

    synchronized Duration drawLatency() {
        Faults f = faults;
        if (happens(f.outlierRate())) {
            return f.outlierLatency();
        }
        long jitter = f.jitter().toMillis();
        long offset = jitter == 0 ? 0 : random.nextLong(-jitter, jitter + 1);
        return Duration.ofMillis(Math.max(0, f.latency().toMillis() + offset));
    }

    /** Draws only for a non-zero rate, so that knobs left at zero do not shift the random sequence. */
    private boolean happens(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
