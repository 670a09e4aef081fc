package io.certrotator.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * What one rotation pass did: its calls, its reads (DescribeAccelerationDomains, DescribeZones), the refusals for
 * rate, how long it took, and why it stopped before the end, if it did.
 */
public record RotationOutcome(long calls, long describeCalls, long zoneReads, long rateRefusals, Duration took,
                              Optional<String> stopReason) {
}
