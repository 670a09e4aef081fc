package io.certrotator.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Admits at most {@code limit} calls per action in any 1-second window of arrival time, or the action's own
 * documented limit where it has one (those do not change with {@link #limit(int)}).
 * Refused calls are not remembered, so they do not delay later admissions.
 * <p>
 * A call counts from when it arrived, not from when its signature was checked: handler threads check at
 * their own pace, so arrivals can reach this limiter slightly out of order. A new arrival is admitted
 * when no 1-second window holding it would then hold more than the limit.
 */
final class SlidingWindowRateLimiter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Map<String, List<Long>> admittedByAction = new HashMap<>();
    private final Map<String, Integer> documentedLimits;
    private int limit;

    SlidingWindowRateLimiter(int limit, Map<String, Integer> documentedLimits) {
        this.limit = requirePositive(limit);
        this.documentedLimits = Map.copyOf(documentedLimits);
    }

    synchronized int limit(String action) {
        return documentedLimits.getOrDefault(action, limit);
    }

    synchronized void limit(int perSecond) {
        this.limit = requirePositive(perSecond);
    }

    synchronized int limit() {
        return limit;
    }

    /** {@code arrivalNanos} (a {@link System#nanoTime()}) if admitted, empty if refused. */
    synchronized OptionalLong tryAdmit(String action, long arrivalNanos) {
        List<Long> admitted = admittedByAction.computeIfAbsent(action, a -> new ArrayList<>());
        admitted.removeIf(at -> at <= arrivalNanos - 2 * WINDOW_NANOS);
        int position = Collections.binarySearch(admitted, arrivalNanos);
        int index = position >= 0 ? position : -position - 1;
        admitted.add(index, arrivalNanos);
        if (busiestWindow(admitted) > limit(action)) {
            admitted.remove(index);
            return OptionalLong.empty();
        }
        return OptionalLong.of(arrivalNanos);
    }

    /** The most arrivals in one window {@code [t, t + 1 s)}, over sorted arrivals. */
    private static int busiestWindow(List<Long> arrivals) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < arrivals.size(); start++) {
            while (end < arrivals.size() && arrivals.get(end) - arrivals.get(start) < WINDOW_NANOS) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    synchronized void clear() {
        admittedByAction.clear();
    }

    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1, not " + limit);
        }
        return limit;
    }
}
