package io.certrotator.plan;

import java.time.Duration;
import java.util.List;

/**
 * What the valid rows of an input ask for: distinct hosts, targets (zone, mode and certificates) and the
 * calls they need at {@code maxHostsPerCall} hosts per call.
 *
 * @param hosts        the hosts that need a call
 * @param alreadyDone  hosts the live state shows on their target already (no call)
 * @param notListed    hosts the live state shows are not in their zone (no call)
 * @param firstTargets the first targets in input order, for the plan on screen
 */
public record PlanSummary(long hosts, long targets, long calls, int maxHostsPerCall, long alreadyDone, long notListed,
                          List<TargetCount> firstTargets) {

    public Duration durationAt(int callsPerSecond) {
        return Duration.ofMillis(calls * 1000 / callsPerSecond);
    }

    /** One target and how many distinct hosts want it. */
    public record TargetCount(String zoneId, String mode, String certIds, long hosts) {
    }
}
