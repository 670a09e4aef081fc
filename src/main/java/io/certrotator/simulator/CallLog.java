package io.certrotator.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every request the simulator received, in the order their outcome was decided. */
public final class CallLog {
    private final List<CallRecord> records = new ArrayList<>();

    synchronized void add(CallRecord record) {
        records.add(record);
    }

    public synchronized List<CallRecord> records() {
        return List.copyOf(records);
    }

    public List<CallRecord> records(String action) {
        return records().stream().filter(r -> r.action().equals(action)).toList();
    }

    public synchronized void clear() {
        records.clear();
    }

    public long count(Predicate<CallRecord> which) {
        return records().stream().filter(which).count();
    }

    public long countOutcome(String action, String outcome) {
        return count(r -> r.action().equals(action) && r.outcome().equals(outcome));
    }

    public long rateLimitRefusals(String action) {
        return countOutcome(action, ErrorCodes.RATE_LIMIT_EXCEEDED);
    }

    public long admitted(String action) {
        return count(r -> r.action().equals(action) && r.admitted());
    }

    /** The most admitted calls of the action whose arrivals fall in one window {@code [t, t + window)}. */
    public int maxAdmittedInAnyWindow(String action, Duration window) {
        long[] arrivals = records().stream()
                .filter(r -> r.admitted() && r.action().equals(action))
                .mapToLong(CallRecord::arrivalNanos).sorted().toArray();
        long width = window.toNanos();
        int max = 0;
        int end = 0;
        for (int start = 0; start < arrivals.length; start++) {
            while (end < arrivals.length && arrivals[end] - arrivals[start] < width) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }

    /** The actions received so far, in the order first seen. */
    public List<String> actions() {
        return records().stream().map(CallRecord::action).distinct().toList();
    }

    /** @param limit the calls per second the simulator admits, for the tightest window */
    public ActionSummary summary(String action, int limit) {
        List<CallRecord> calls = records(action).stream().sorted(Comparator.comparingLong(CallRecord::arrivalNanos))
                .toList();
        List<CallRecord> admitted = calls.stream().filter(CallRecord::admitted).toList();
        long lastFirstAttempt = lastFirstAttempt(calls);
        List<CallRecord> busy = admitted.stream().filter(call -> call.arrivalNanos() <= lastFirstAttempt).toList();
        return new ActionSummary(action, calls.size(), admitted.size(), rateLimitRefusals(action),
                maxAdmittedInAnyWindow(action, Duration.ofSeconds(1)), medianPerSecond(admitted),
                shortestSpan(calls, limit + 1), spanOf(admitted), busy.size(), spanOf(busy),
                admitted.isEmpty() ? null : admitted.get(0).arrivedAt(),
                admitted.isEmpty() ? null : admitted.get(admitted.size() - 1).arrivedAt());
    }

    /**
     * The arrival of the last call that named a host no earlier call named: until then the run had hosts it had not
     * tried yet; after it, it only retries. {@link Long#MAX_VALUE} when no call names a host (reads of whole pages).
     */
    private static long lastFirstAttempt(List<CallRecord> sortedArrivals) {
        Set<String> named = new HashSet<>();
        long last = Long.MAX_VALUE;
        for (CallRecord call : sortedArrivals) {
            if (named.addAll(call.hosts())) {
                last = call.arrivalNanos();
            }
        }
        return last;
    }

    /** From the first to the last of sorted arrivals. */
    private static Duration spanOf(List<CallRecord> sortedArrivals) {
        return sortedArrivals.isEmpty() ? Duration.ZERO : Duration.ofNanos(
                sortedArrivals.get(sortedArrivals.size() - 1).arrivalNanos() - sortedArrivals.get(0).arrivalNanos());
    }

    /**
     * The shortest time in which {@code count} calls arrived, admitted or not (null for fewer calls): above one
     * second for {@code count = limit + 1}, no second held more than the limit, and the excess is the headroom.
     */
    private static Duration shortestSpan(List<CallRecord> calls, int count) {
        long[] arrivals = calls.stream().mapToLong(CallRecord::arrivalNanos).sorted().toArray();
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i + count - 1 < arrivals.length; i++) {
            shortest = Math.min(shortest, arrivals[i + count - 1] - arrivals[i]);
        }
        return shortest == Long.MAX_VALUE ? null : Duration.ofNanos(shortest);
    }

    /** The median count of arrivals per whole second from the first one (a last, partial second left out). */
    private static int medianPerSecond(List<CallRecord> sortedArrivals) {
        if (sortedArrivals.isEmpty()) {
            return 0;
        }
        long first = sortedArrivals.get(0).arrivalNanos();
        int seconds = (int) ((sortedArrivals.get(sortedArrivals.size() - 1).arrivalNanos() - first) / 1_000_000_000L);
        if (seconds == 0) {
            return sortedArrivals.size();
        }
        int[] perSecond = new int[seconds];
        for (CallRecord call : sortedArrivals) {
            int second = (int) ((call.arrivalNanos() - first) / 1_000_000_000L);
            if (second < seconds) {
                perSecond[second]++;
            }
        }
        java.util.Arrays.sort(perSecond);
        return perSecond[seconds / 2];
    }

    /** How many calls of the action succeeded for each host, by a call's first host (one per call when single). */
    public Map<String, Long> succeededByHost(String action) {
        return records(action).stream().filter(CallRecord::succeeded)
                .collect(Collectors.groupingBy(call -> call.hosts().get(0), Collectors.counting()));
    }
}
