package io.certrotator.plan;

import io.certrotator.input.HostConflict;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.input.RotationRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches the rows go by and keeps one small entry per host, never the rows: it finds hosts listed with
 * different targets (which makes all their rows invalid) and counts the calls the valid rows need.
 * Conflicts are rare, so a reader makes one pass and fixes up the conflicting rows afterwards.
 */
public final class InputSurvey {

    private static final int SHOWN_TARGETS = 50;
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;

    private final int maxHostsPerCall;
    private final Map<String, Integer> targetIds = new HashMap<>();
    private final List<String> targetKeys = new ArrayList<>();
    private final List<PlanSummary.TargetCount> targets = new ArrayList<>();
    /** zone + host -> target id (high bits) and the first line naming the host (low bits). */
    private final Map<String, Long> firstSeen = new HashMap<>();
    /** zone + host -> the first line whose target differs from the first line's, for conflicting hosts only. */
    private final Map<String, Long> firstDifferent = new HashMap<>();

    public InputSurvey(int maxHostsPerCall) {
        this.maxHostsPerCall = maxHostsPerCall;
    }

    public void see(RotationRow row) {
        if (!row.valid()) {
            return;
        }
        String targetKey = row.targetKey();
        int target = targetIds.computeIfAbsent(row.zoneId() + "|" + targetKey, key -> {
            targetKeys.add(targetKey);
            targets.add(new PlanSummary.TargetCount(row.zoneId(), row.mode(), row.certIdsText(), 0));
            return targets.size() - 1;
        });
        String host = hostKey(row.zoneId(), row.host());
        Long first = firstSeen.putIfAbsent(host, ((long) target << LINE_BITS) | row.line());
        if (first != null && targetOf(first) != target) {
            firstDifferent.putIfAbsent(host, row.line());
        }
    }

    public boolean hasConflicts() {
        return !firstDifferent.isEmpty();
    }

    public List<HostConflict> conflicts() {
        List<HostConflict> conflicts = new ArrayList<>();
        firstDifferent.forEach((host, different) -> {
            long first = firstSeen.get(host);
            String[] zoneAndHost = host.split("\\|", 2);
            conflicts.add(new HostConflict(zoneAndHost[0], zoneAndHost[1], first & LINE_MASK,
                    targetKeys.get(targetOf(first)), different));
        });
        return conflicts;
    }

    /** The row as the run must treat it: invalid when its host is also listed with a different target. */
    public RotationRow verdict(RotationRow row) {
        if (!row.valid() || !hasConflicts()) {
            return row;
        }
        String host = hostKey(row.zoneId(), row.host());
        Long different = firstDifferent.get(host);
        if (different == null) {
            return row;
        }
        long first = firstSeen.get(host);
        HostConflict conflict = new HostConflict(row.zoneId(), row.host(), first & LINE_MASK,
                targetKeys.get(targetOf(first)), different);
        return row.withProblem(conflict.problemFor(row.targetKey()));
    }

    /** The plan without the live state: every host needs a call. */
    public PlanSummary plan() {
        return plan(Map.of());
    }

    /**
     * The plan with the live state of the zones in {@code live} (zone -> host -> configuration): hosts already on
     * their target or not in their zone need no call, and hosts on different configurations take separate calls.
     */
    public PlanSummary plan(Map<String, Map<String, HostConfig>> live) {
        long[] hostsPerTarget = new long[targets.size()];
        Map<String, Long> hostsPerCallKey = new HashMap<>();
        long alreadyDone = 0;
        long notListed = 0;
        for (Map.Entry<String, Long> entry : firstSeen.entrySet()) {
            if (firstDifferent.containsKey(entry.getKey())) {
                continue;
            }
            int target = targetOf(entry.getValue());
            String[] zoneAndHost = entry.getKey().split("\\|", 2);
            Map<String, HostConfig> zone = live.get(zoneAndHost[0]);
            HostConfig config = zone == null ? null : zone.get(zoneAndHost[1]);
            PlanSummary.TargetCount wanted = targets.get(target);
            if (zone != null && config == null) {
                notListed++;
            } else if (config != null && config.towards(wanted.mode(), wanted.certIds().isEmpty() ? List.of()
                    : List.of(wanted.certIds().split(";"))) == HostConfig.Progress.DONE) {
                alreadyDone++;
            } else {
                hostsPerTarget[target]++;
                hostsPerCallKey.merge(target + "|" + (config == null ? "" : config.key()), 1L, Long::sum);
            }
        }
        long hosts = 0;
        long usedTargets = 0;
        List<PlanSummary.TargetCount> shown = new ArrayList<>();
        for (int i = 0; i < hostsPerTarget.length; i++) {
            if (hostsPerTarget[i] == 0) {
                continue;
            }
            usedTargets++;
            hosts += hostsPerTarget[i];
            if (shown.size() < SHOWN_TARGETS) {
                PlanSummary.TargetCount target = targets.get(i);
                shown.add(new PlanSummary.TargetCount(target.zoneId(), target.mode(), target.certIds(),
                        hostsPerTarget[i]));
            }
        }
        long calls = hostsPerCallKey.values().stream()
                .mapToLong(count -> (count + maxHostsPerCall - 1) / maxHostsPerCall).sum();
        return new PlanSummary(hosts, usedTargets, calls, maxHostsPerCall, alreadyDone, notListed, shown);
    }

    /** The valid hosts of each zone (hosts listed with different targets left out), for reading their live state. */
    public Map<String, List<String>> hostsByZone() {
        Map<String, List<String>> hosts = new TreeMap<>();
        firstSeen.keySet().stream().filter(host -> !firstDifferent.containsKey(host)).forEach(key -> {
            String[] zoneAndHost = key.split("\\|", 2);
            hosts.computeIfAbsent(zoneAndHost[0], zone -> new ArrayList<>()).add(zoneAndHost[1]);
        });
        return hosts;
    }

    private static String hostKey(String zoneId, String host) {
        return zoneId + "|" + host;
    }

    private static int targetOf(long packed) {
        return (int) (packed >>> LINE_BITS);
    }
}
