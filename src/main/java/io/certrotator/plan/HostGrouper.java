package io.certrotator.plan;

import io.certrotator.results.PendingRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Forms host groups from rows that arrive ordered by zone, target and host, holding one group at a time:
 * a new group starts when the target changes or the current one has {@code maxHostsPerCall} hosts.
 */
public final class HostGrouper implements Consumer<PendingRow> {

    private final int maxHostsPerCall;
    private final Consumer<HostGroup> downstream;
    private PendingRow first;
    private Map<String, List<Long>> linesByHost = new LinkedHashMap<>();
    private int attempts;

    public HostGrouper(int maxHostsPerCall, Consumer<HostGroup> downstream) {
        if (maxHostsPerCall < 1) {
            throw new IllegalArgumentException("maxHostsPerCall must be at least 1");
        }
        this.maxHostsPerCall = maxHostsPerCall;
        this.downstream = downstream;
    }

    @Override
    public void accept(PendingRow row) {
        boolean sameTarget = first != null && first.zoneId().equals(row.zoneId())
                && first.targetKey().equals(row.targetKey());
        boolean newHost = !linesByHost.containsKey(row.host());
        if (!sameTarget || (newHost && linesByHost.size() == maxHostsPerCall)) {
            flush();
            first = row;
        }
        linesByHost.computeIfAbsent(row.host(), h -> new ArrayList<>()).add(row.line());
        attempts = Math.max(attempts, row.attempts());
    }

    /** Emits the group being formed, if any; call once after the last row. */
    public void flush() {
        if (first != null && !linesByHost.isEmpty()) {
            downstream.accept(new HostGroup(first.zoneId(), first.mode(), first.certIds(), linesByHost, attempts));
        }
        first = null;
        linesByHost = new LinkedHashMap<>();
        attempts = 0;
    }
}
