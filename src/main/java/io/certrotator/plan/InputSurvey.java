package io.certrotator.plan;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.input.CertMode;
import io.certrotator.input.HostConflict;
import io.certrotator.input.RotationRow;
import io.certrotator.input.Target;
import io.certrotator.results.PendingRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Watches the rows go by and keeps a few numbers per host and per target in primitive arrays ({@link CompactKeys}),
 * never the rows: it finds hosts listed with different targets (which makes all their rows invalid) and counts the
 * calls the valid rows need, grouping them as the run does. Conflicts are rare, so a reader makes one pass and fixes
 * up the conflicting rows afterwards.
 */
public final class InputSurvey {

    private static final int SHOWN_TARGETS = 50;

    private final int maxHostsPerCall;
    private final Map<String, Integer> zoneIds = new HashMap<>();
    private final List<String> zones = new ArrayList<>();
    /** (zone, target's text) -> target id; per target, its mode and the certificate IDs as its first row wrote them. */
    private final CompactKeys targets = new CompactKeys();
    private final CompactKeys certIdsAsWritten = new CompactKeys();
    private CertMode[] targetModes = new CertMode[1024];
    /** (zone, host) -> host id; per host, its target and the first line naming it. */
    private final CompactKeys hosts = new CompactKeys();
    private int[] hostTarget = new int[1024];
    private long[] hostFirstLine = new long[1024];
    /** host id -> the first line whose target differs from the first line's, for conflicting hosts only. */
    private final Map<Integer, Long> firstDifferent = new HashMap<>();

    public InputSurvey(int maxHostsPerCall) {
        this.maxHostsPerCall = maxHostsPerCall;
    }

    public void see(RotationRow row) {
        if (!row.valid()) {
            return;
        }
        int zone = zoneIds.computeIfAbsent(row.zoneId(), id -> {
            zones.add(id);
            return zones.size() - 1;
        });
        int targetCount = targets.size();
        Target wanted = row.target();
        int target = targets.add(zone, wanted.text());
        if (target == targetCount) {
            certIdsAsWritten.add(target, row.certIdsText());
            if (target == targetModes.length) {
                targetModes = Arrays.copyOf(targetModes, target * 2);
            }
            targetModes[target] = wanted.mode();
        }
        int hostCount = hosts.size();
        int host = hosts.add(zone, row.host());
        if (host == hostCount) {
            if (host == hostTarget.length) {
                hostTarget = Arrays.copyOf(hostTarget, host * 2);
                hostFirstLine = Arrays.copyOf(hostFirstLine, host * 2);
            }
            hostTarget[host] = target;
            hostFirstLine[host] = row.line();
        } else if (hostTarget[host] != target) {
            firstDifferent.putIfAbsent(host, row.line());
        }
    }

    public boolean hasConflicts() {
        return !firstDifferent.isEmpty();
    }

    /** The row as the run must treat it: invalid when its host is also listed with a different target. */
    public RotationRow verdict(RotationRow row) {
        if (!row.valid() || !hasConflicts()) {
            return row;
        }
        Integer zone = zoneIds.get(row.zoneId());
        int host = zone == null ? -1 : hosts.idOf(zone, row.host());
        Long different = host < 0 ? null : firstDifferent.get(host);
        if (different == null) {
            return row;
        }
        HostConflict conflict = new HostConflict(row.zoneId(), row.host(), hostFirstLine[host],
                new Target(targetModes[hostTarget[host]], certIds(hostTarget[host])), different);
        return row.withProblem(conflict.problemFor(row.target()));
    }

    /**
     * The plan with the live state of the zones in {@code live} (zone -> host -> configuration): hosts already on
     * their target or not in their zone need no call, and the rest go, one zone at a time, through the run's own
     * {@link HostGrouper}, whose groups are counted as they form and then dropped.
     */
    public PlanSummary plan(Map<String, Map<String, HostConfig>> live) {
        long[] hostsPerTarget = new long[targets.size()];
        long[] calls = new long[1];
        HostGrouper grouper = new HostGrouper(maxHostsPerCall, group -> calls[0]++);
        long alreadyDone = 0;
        long notListed = 0;
        for (int host : hostsInZoneOrder()) {
            if (firstDifferent.containsKey(host)) {
                continue;
            }
            int target = hostTarget[host];
            String zoneId = zones.get(hosts.group(host));
            String name = hosts.text(host);
            Map<String, HostConfig> zone = live.get(zoneId);
            HostConfig config = zone == null ? null : zone.get(name);
            PendingRow row = new PendingRow(hostFirstLine[host], zoneId, name, targetModes[target].apiValue(),
                    certIds(target), 0);
            if (zone != null && config == null) {
                notListed++;
            } else if (config != null && config.towards(row.mode(), row.certIds()) == HostConfig.Progress.DONE) {
                alreadyDone++;
            } else {
                hostsPerTarget[target]++;
                grouper.add(row, config == null ? Optional.empty() : config.key());
            }
        }
        grouper.flush();
        long hostCount = 0;
        long usedTargets = 0;
        List<PlanSummary.TargetCount> shown = new ArrayList<>();
        for (int target = 0; target < hostsPerTarget.length; target++) {
            if (hostsPerTarget[target] == 0) {
                continue;
            }
            usedTargets++;
            hostCount += hostsPerTarget[target];
            if (shown.size() < SHOWN_TARGETS) {
                shown.add(new PlanSummary.TargetCount(zones.get(targets.group(target)), targetModes[target].apiValue(),
                        certIdsAsWritten.text(target), hostsPerTarget[target]));
            }
        }
        return new PlanSummary(hostCount, usedTargets, calls[0], maxHostsPerCall, alreadyDone, notListed, shown);
    }

    /** Every host id, those of one zone together: the grouper forms the groups of one zone at a time. */
    private int[] hostsInZoneOrder() {
        int[] next = new int[zones.size() + 1];
        for (int host = 0; host < hosts.size(); host++) {
            next[hosts.group(host) + 1]++;
        }
        for (int zone = 0; zone < zones.size(); zone++) {
            next[zone + 1] += next[zone];
        }
        int[] order = new int[hosts.size()];
        for (int host = 0; host < hosts.size(); host++) {
            order[next[hosts.group(host)]++] = host;
        }
        return order;
    }

    /** The valid hosts of each zone (hosts listed with different targets left out), for reading their live state. */
    public Map<String, List<String>> hostsByZone() {
        Map<String, List<String>> byZone = new TreeMap<>();
        for (int host = 0; host < hosts.size(); host++) {
            if (!firstDifferent.containsKey(host)) {
                byZone.computeIfAbsent(zones.get(hosts.group(host)), zone -> new ArrayList<>()).add(hosts.text(host));
            }
        }
        return byZone;
    }

    private List<String> certIds(int target) {
        String certIds = certIdsAsWritten.text(target);
        return certIds.isEmpty() ? List.of() : List.of(certIds.split(";"));
    }
}
