package io.certrotator.simulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Admits at most {@code limit} calls per action in any 1-second window of arrival time.
 * Refused calls are not remembered, so they do not delay later admissions.
 */
final class SlidingWindowRateLimiter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Map<String, ArrayDeque<Long>> admittedByAction = new HashMap<>();
    private int limit;

    SlidingWindowRateLimiter(int limit) {
        this.limit = requirePositive(limit);
    }

    synchronized void limit(int perSecond) {
        this.limit = requirePositive(perSecond);
    }

    synchronized int limit() {
        return limit;
    }

    /** The arrival time (nanoTime) if admitted; read under the lock so admissions are in time order. */
    synchronized OptionalLong tryAdmit(String action) {
        long now = System.nanoTime();
        ArrayDeque<Long> admitted = admittedByAction.computeIfAbsent(action, a -> new ArrayDeque<>());
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - WINDOW_NANOS) {
            admitted.pollFirst();
        }
        if (admitted.size() >= limit) {
            return OptionalLong.empty();
        }
        admitted.addLast(now);
        return OptionalLong.of(now);
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
