package io.certrotator.results;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Rows by status of the run in progress, kept in memory as the results table changes, so that progress
 * can be shown as often as wanted without a query. Exact as long as it starts from the table's counts
 * ({@link #startFrom}) or from an empty instance.
 */
@Component
public class RowTally {

    private final Map<RowStatus, Long> rows = new EnumMap<>(RowStatus.class);
    private long decidingCalls;

    public synchronized void startFrom(StatusCounts counts) {
        rows.clear();
        rows.putAll(counts.byStatus());
        decidingCalls = 0;
    }

    synchronized void add(RowStatus status, long count) {
        rows.merge(status, count, Long::sum);
    }

    synchronized void move(RowStatus from, RowStatus to, long count) {
        rows.merge(from, -count, Long::sum);
        rows.merge(to, count, Long::sum);
    }

    /** A call's answer decided {@code count} pending rows. */
    synchronized void decided(RowStatus to, long count) {
        move(RowStatus.PENDING, to, count);
        decidingCalls++;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(new StatusCounts(rows), decidingCalls);
    }

    /** Rows by status, and the calls whose answer decided rows (retried and split calls not counted). */
    public record Snapshot(StatusCounts rows, long decidingCalls) {

        public long done() {
            return rows.total() - rows.of(RowStatus.PENDING);
        }
    }
}
