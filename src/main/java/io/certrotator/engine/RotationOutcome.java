package io.certrotator.engine;

import java.time.Duration;

/**
 * What one rotation pass did: its calls, the refusals for rate, how long it took, and why it stopped before the
 * end ({@code stopReason}), or null when every pending row was decided.
 */
public record RotationOutcome(long calls, long describeCalls, long rateRefusals, Duration took, String stopReason) {

    public boolean stopped() {
        return stopReason != null;
    }
}
