package io.certrotator.plan;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the valid rows of an input ask for: distinct hosts, targets (zone, mode and certificates) and the
 * calls they need at {@code maxHostsPerCall} hosts per call.
 *
 * @param hosts        the hosts that need a call
 * @param alreadyDone  hosts the live state shows on their target already (no call)
 * @param notListed    hosts the live state shows are not in their zone (no call)
 * @param failingBeforeCall rows that would fail before any call (their zone's or host's state, a key type they
 *                          would drop), per error code in the code's order
 * @param firstTargets the first targets in input order, for the plan on screen
 */
public record PlanSummary(long hosts, long targets, long calls, int maxHostsPerCall, long alreadyDone, long notListed,
                          Map<String, Long> failingBeforeCall, List<TargetCount> firstTargets) {

    public PlanSummary {
        failingBeforeCall = Collections.unmodifiableMap(new TreeMap<>(failingBeforeCall));
        firstTargets = List.copyOf(firstTargets);
    }

    /** Rows that would fail before any call, whatever their code. */
    public long rowsFailingBeforeCall() {
        return failingBeforeCall.values().stream().mapToLong(Long::longValue).sum();
    }

    public Duration durationAt(int callsPerSecond) {
        return Duration.ofMillis(calls * 1000 / callsPerSecond);
    }

    /** One target and how many distinct hosts want it. */
    public record TargetCount(String zoneId, String mode, String certIds, long hosts) {
    }
}
