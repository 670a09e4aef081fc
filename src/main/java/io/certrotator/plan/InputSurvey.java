package io.certrotator.plan;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.input.CertMode;
import io.certrotator.input.HostConflict;
import io.certrotator.input.RotationRow;
import io.certrotator.input.Target;
import io.certrotator.results.PendingRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Watches the rows go by and keeps a few numbers per host and per target in pages of primitives ({@link CompactKeys},
 * {@link IntPages}),
 * never the rows: it finds hosts listed with different targets (which makes all their rows invalid) and counts the
 * calls the valid rows need, grouping them as the run does, leaving out the rows {@link RowDecision} settles before any
 * call when the zones' and hosts' state is known. Conflicts are rare, so a reader makes one pass and fixes up the
 * conflicting rows afterwards.
 */
public final class InputSurvey {

    private static final int SHOWN_TARGETS = 50;
    private static final int UNCHANGED = 1;
    private static final int FAILED = 2;

    private final int maxHostsPerCall;
    private final boolean allowDropping;
    private final Map<String, Integer> zoneIds = new HashMap<>();
    private final List<String> zones = new ArrayList<>();
    /** (zone, target's text) -> target id; per target, its mode and the certificate IDs as its first row wrote them. */
    private final CompactKeys targets = new CompactKeys();
    private final CompactKeys certIdsAsWritten = new CompactKeys();
    private static final CertMode[] MODES = CertMode.values();
    /** target id -> its mode's ordinal. */
    private final IntPages targetModes = new IntPages();
    /** (zone, host) -> host id; per host, its target and the first line naming it. */
    private final CompactKeys hosts = new CompactKeys();
    private final IntPages hostTarget = new IntPages();
    private final LongPages hostFirstLine = new LongPages();
    private final IntPages hostRows = new IntPages();
    /**
     * After {@link #plan}, when it had a zone's or a host's state: per host, 0 (sent), {@link #UNCHANGED} or
     * {@link #FAILED} plus the index of its reason in {@code failures}; null when every host is sent.
     */
    private IntPages hostDecision;
    private final List<RowDecision.FailsBeforeCall> failures = new ArrayList<>();
    /** host id -> the first line whose target differs from the first line's, for conflicting hosts only. */
    private final Map<Integer, Long> firstDifferent = new HashMap<>();

    /** @param allowDropping whether a row may take a key type off its host ({@code --allow-dropping-certificates}) */
    public InputSurvey(int maxHostsPerCall, boolean allowDropping) {
        this.maxHostsPerCall = maxHostsPerCall;
        this.allowDropping = allowDropping;
    }

    public void see(RotationRow row) {
        if (!row.valid()) {
            return;
        }
        Integer known = zoneIds.get(row.zoneId());
        int zone = known != null ? known : newZone(row.zoneId());
        int targetCount = targets.size();
        Target wanted = row.target();
        int target = targets.add(zone, wanted.text());
        if (target == targetCount) {
            certIdsAsWritten.add(target, row.certIdsText());
            targetModes.set(target, wanted.mode().ordinal());
        }
        int hostCount = hosts.size();
        int host = hosts.add(zone, row.host());
        if (host == hostCount) {
            hostTarget.set(host, target);
            hostFirstLine.set(host, row.line());
            hostRows.set(host, 1);
            return;
        }
        hostRows.set(host, hostRows.get(host) + 1);
        if (hostTarget.get(host) != target) {
            firstDifferent.putIfAbsent(host, row.line());
        }
    }

    private int newZone(String zoneId) {
        zones.add(zoneId);
        zoneIds.put(zoneId, zones.size() - 1);
        return zones.size() - 1;
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
        int target = hostTarget.get(host);
        HostConflict conflict = new HostConflict(row.zoneId(), row.host(), hostFirstLine.get(host),
                new Target(mode(target), certIds(target)), different);
        return row.withProblem(conflict.problemFor(row.target()));
    }

    /**
     * The plan with the state of the zones in {@code refusedZones} (zone -> why no call in it can succeed) and the
     * live state of the zones in {@code live} (zone -> host -> configuration): every row of a refused zone, and the
     * rows {@link RowDecision} settles by their host, need no call; hosts not in their zone need none either; the
     * rest go, one zone at a time, through the run's own {@link HostGrouper}, whose groups are counted as they form
     * and then dropped.
     */
    public PlanSummary plan(Map<String, Map<String, HostConfig>> live, Map<String, StateRefusal> refusedZones) {
        IntPages hostsPerTarget = new IntPages(targets.size());
        long[] calls = new long[1];
        HostGrouper grouper = new HostGrouper(maxHostsPerCall, group -> calls[0]++);
        long alreadyDone = 0;
        long notListed = 0;
        Map<String, Long> failingBeforeCall = new TreeMap<>();
        Map<RowDecision.FailsBeforeCall, Integer> failureIndex = new HashMap<>();
        failures.clear();
        hostDecision = live.isEmpty() && refusedZones.isEmpty() ? null : new IntPages(hosts.size());
        IntPages order = hostsInZoneOrder();
        for (int next = 0; next < hosts.size(); next++) {
            int host = order.get(next);
            if (firstDifferent.containsKey(host)) {
                continue;
            }
            int target = hostTarget.get(host);
            String zoneId = zones.get(hosts.group(host));
            String name = hosts.text(host);
            Map<String, HostConfig> zone = live.get(zoneId);
            HostConfig config = zone == null ? null : zone.get(name);
            PendingRow row = new PendingRow(hostFirstLine.get(host), zoneId, name, mode(target).apiValue(),
                    certIds(target), 0);
            StateRefusal zoneRefusal = refusedZones.get(zoneId);
            RowDecision decision = zoneRefusal != null ? new RowDecision.Refused(zoneRefusal)
                    : config == null ? RowDecision.SEND
                    : RowDecision.forHost(config, row.mode(), row.certIds(), allowDropping);
            if (decision instanceof RowDecision.FailsBeforeCall failure) {
                failingBeforeCall.merge(failure.code(), (long) hostRows.get(host), Long::sum);
                hostDecision.set(host, FAILED + failureIndex.computeIfAbsent(failure, f -> {
                    failures.add(f);
                    return failures.size() - 1;
                }));
            } else if (zone != null && config == null) {
                notListed++;
            } else if (decision instanceof RowDecision.Unchanged) {
                alreadyDone++;
                hostDecision.set(host, UNCHANGED);
            } else {
                hostsPerTarget.set(target, hostsPerTarget.get(target) + 1);
                grouper.add(row, config == null ? Optional.empty() : config.key());
            }
        }
        grouper.flush();
        long hostCount = 0;
        long usedTargets = 0;
        List<PlanSummary.TargetCount> shown = new ArrayList<>();
        for (int target = 0; target < targets.size(); target++) {
            int targetHosts = hostsPerTarget.get(target);
            if (targetHosts == 0) {
                continue;
            }
            usedTargets++;
            hostCount += targetHosts;
            if (shown.size() < SHOWN_TARGETS) {
                shown.add(new PlanSummary.TargetCount(zones.get(targets.group(target)), mode(target).apiValue(),
                        certIdsAsWritten.text(target), targetHosts));
            }
        }
        return new PlanSummary(hostCount, usedTargets, calls[0], maxHostsPerCall, alreadyDone, notListed,
                failingBeforeCall, shown);
    }

    /**
     * What {@link #plan} decided for a row's host: {@link RowDecision#SEND} for a row it did not settle (and for an
     * invalid row, which is not its to decide).
     */
    public RowDecision decision(RotationRow row) {
        if (hostDecision == null || !row.valid()) {
            return RowDecision.SEND;
        }
        Integer zone = zoneIds.get(row.zoneId());
        int host = zone == null ? -1 : hosts.idOf(zone, row.host());
        if (host < 0) {
            return RowDecision.SEND;
        }
        int decided = hostDecision.get(host);
        return decided == UNCHANGED ? RowDecision.UNCHANGED
                : decided >= FAILED ? failures.get(decided - FAILED) : RowDecision.SEND;
    }

    /** Every host id, those of one zone together: the grouper forms the groups of one zone at a time. */
    private IntPages hostsInZoneOrder() {
        int[] next = new int[zones.size() + 1];
        for (int host = 0; host < hosts.size(); host++) {
            next[hosts.group(host) + 1]++;
        }
        for (int zone = 0; zone < zones.size(); zone++) {
            next[zone + 1] += next[zone];
        }
        IntPages order = new IntPages(hosts.size());
        for (int host = 0; host < hosts.size(); host++) {
            order.set(next[hosts.group(host)]++, host);
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

    private CertMode mode(int target) {
        return MODES[targetModes.get(target)];
    }

    private List<String> certIds(int target) {
        String certIds = certIdsAsWritten.text(target);
        return certIds.isEmpty() ? List.of() : List.of(certIds.split(";"));
    }
}
