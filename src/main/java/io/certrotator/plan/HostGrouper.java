package io.certrotator.plan;

import io.certrotator.results.PendingRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Forms host groups from rows that arrive ordered by zone, target and host. Hosts share a group when they want
 * the same target and carry the same configuration today (the API may refuse one call for hosts on different
 * certificates). It holds the open groups of one target at a time: a group goes out when the target changes or
 * it has {@code maxHostsPerCall} hosts.
 */
public final class HostGrouper {

    private final int maxHostsPerCall;
    private final Consumer<HostGroup> downstream;
    private PendingRow first;
    /** current configuration -> the group being formed for it. */
    private final Map<String, OpenGroup> open = new LinkedHashMap<>();

    public HostGrouper(int maxHostsPerCall, Consumer<HostGroup> downstream) {
        if (maxHostsPerCall < 1) {
            throw new IllegalArgumentException("maxHostsPerCall must be at least 1");
        }
        this.maxHostsPerCall = maxHostsPerCall;
        this.downstream = downstream;
    }

    /** @param currentConfig what the host carries today, as a key (any fixed value when unknown) */
    public void add(PendingRow row, String currentConfig) {
        boolean sameTarget = first != null && first.zoneId().equals(row.zoneId())
                && first.targetKey().equals(row.targetKey());
        if (!sameTarget) {
            flush();
            first = row;
        }
        OpenGroup group = open.computeIfAbsent(currentConfig, key -> new OpenGroup());
        if (!group.linesByHost.containsKey(row.host()) && group.linesByHost.size() == maxHostsPerCall) {
            emit(group);
            group = new OpenGroup();
            open.put(currentConfig, group);
        }
        group.linesByHost.computeIfAbsent(row.host(), h -> new ArrayList<>()).add(row.line());
        group.attempts = Math.max(group.attempts, row.attempts());
    }

    /** Emits the groups being formed, if any; call once after the last row. */
    public void flush() {
        open.values().forEach(this::emit);
        open.clear();
        first = null;
    }

    private void emit(OpenGroup group) {
        if (!group.linesByHost.isEmpty()) {
            downstream.accept(new HostGroup(first.zoneId(), first.mode(), first.certIds(), group.linesByHost,
                    group.attempts));
        }
    }

    private static final class OpenGroup {
        final Map<String, List<Long>> linesByHost = new LinkedHashMap<>();
        int attempts;
    }
}
