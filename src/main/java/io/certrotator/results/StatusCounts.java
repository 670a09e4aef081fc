package io.certrotator.results;

import java.util.EnumMap;
import java.util.Map;

/**
 * Rows per status for one job instance.
 *
 * @param accepted PENDING rows the API accepted whose hosts are not read back yet (they carry their call's request ID)
 */
public record StatusCounts(Map<RowStatus, Long> byStatus, long accepted) {

    public StatusCounts(Map<RowStatus, Long> byStatus) {
        this(byStatus, 0);
    }

    public StatusCounts {
        EnumMap<RowStatus, Long> all = new EnumMap<>(RowStatus.class);
        for (RowStatus status : RowStatus.values()) {
            all.put(status, byStatus.getOrDefault(status, 0L));
        }
        byStatus = Map.copyOf(all);
    }

    public long of(RowStatus status) {
        return byStatus.get(status);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean allSucceeded() {
        return total() == of(RowStatus.SUCCEEDED);
    }
}
