package io.certrotator.plan;

import io.certrotator.input.Target;
import io.certrotator.results.PendingRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Forms the host groups of one zone at a time. Hosts share a group when they want the same target and carry the
 * same configuration today (the API may refuse one call for hosts on different certificates). A group goes out
 * as soon as it is full ({@code maxHostsPerCall} hosts and another host for it arrives), the rest at
 * {@link #flush()}: rows may come in any order, so a zone's calls can start before all its hosts are known,
 * and the number of calls stays the least the grouping allows. The rows of one host come one after the other.
 */
public final class HostGrouper {

    private final int maxHostsPerCall;
    private final Consumer<HostGroup> downstream;
    private final Map<GroupKey, OpenGroup> open = new LinkedHashMap<>();

    public HostGrouper(int maxHostsPerCall, Consumer<HostGroup> downstream) {
        if (maxHostsPerCall < 1) {
            throw new IllegalArgumentException("maxHostsPerCall must be at least 1");
        }
        this.maxHostsPerCall = maxHostsPerCall;
        this.downstream = downstream;
    }

    /** @param current what the host carries today; empty when not known (its live state not read) */
    public void add(PendingRow row, Optional<Target> current) {
        if (!open.isEmpty() && !open.values().iterator().next().first.zoneId().equals(row.zoneId())) {
            flush();
        }
        GroupKey key = new GroupKey(row.target(), current);
        OpenGroup group = open.computeIfAbsent(key, k -> new OpenGroup(row));
        if (!group.linesByHost.containsKey(row.host()) && group.linesByHost.size() == maxHostsPerCall) {
            emit(group);
            group = new OpenGroup(row);
            open.put(key, group);
        }
        group.linesByHost.computeIfAbsent(row.host(), h -> new ArrayList<>()).add(row.line());
        group.attempts = Math.max(group.attempts, row.attempts());
    }

    /** Emits the groups being formed, if any; call once after the zone's last row. */
    public void flush() {
        open.values().forEach(this::emit);
        open.clear();
    }

    private void emit(OpenGroup group) {
        if (!group.linesByHost.isEmpty()) {
            PendingRow first = group.first;
            downstream.accept(new HostGroup(first.zoneId(), first.mode(), first.certIds(), group.linesByHost,
                    group.attempts));
        }
    }

    /** What the hosts of one group want, and carry today. */
    private record GroupKey(Target target, Optional<Target> current) {
    }

    private static final class OpenGroup {
        final PendingRow first;
        final Map<String, List<Long>> linesByHost = new LinkedHashMap<>();
        int attempts;

        OpenGroup(PendingRow first) {
            this.first = first;
        }
    }
}
