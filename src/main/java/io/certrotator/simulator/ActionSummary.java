package io.certrotator.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one action saw over a simulator's life: the figures a benchmark quotes against the API's limit.
 *
 * @param medianAdmittedPerSecond the median of admitted calls per whole second from the first arrival: the
 *                                steady rate, without the quiet tail of a run waiting for its last retries
 * @param shortestSpanOverLimit   the shortest time in which one call more than the limit arrived: over a second
 *                                is headroom, under it a refusal (null for fewer calls)
 * @param admittedSpan            from the first to the last admitted arrival
 * @param busyAdmitted            the admitted calls up to the last one that named a host for the first time: the
 *                                run while it had hosts not tried yet, without an end where it may only be
 *                                waiting for its last retries' back-off
 * @param busySpan                from the first of those to the last
 */
public record ActionSummary(String action, long received, long admitted, long rateRefusals, int maxAdmittedInOneSecond,
                            int medianAdmittedPerSecond, Duration shortestSpanOverLimit, Duration admittedSpan,
                            long busyAdmitted, Duration busySpan, Instant firstArrival, Instant lastArrival) {

    /** Admitted calls per second. */
    public double admittedPerSecond() {
        return perSecond(admitted, admittedSpan);
    }

    /** Admitted calls per second while the run had hosts it had not tried yet. */
    public double busyAdmittedPerSecond() {
        return perSecond(busyAdmitted, busySpan);
    }

    /** N arrivals span N - 1 intervals. */
    private static double perSecond(long arrivals, Duration span) {
        return arrivals < 2 || span.isZero() ? 0 : (arrivals - 1) * 1e9 / span.toNanos();
    }

    /** One line, {@code key=value} pairs, for people and for scripts. */
    public String line() {
        return String.format(Locale.ROOT, "summary action=%s received=%d admitted=%d refused_for_rate=%d "
                        + "max_admitted_in_1s=%d median_admitted_per_1s=%d shortest_span_over_limit_ms=%.1f admitted_per_s=%.2f busy_admitted_per_s=%.2f span_s=%.2f first_arrival_ms=%d last_arrival_ms=%d",
                action, received, admitted, rateRefusals, maxAdmittedInOneSecond, medianAdmittedPerSecond,
                shortestSpanOverLimit == null ? 0 : shortestSpanOverLimit.toNanos() / 1e6, admittedPerSecond(),
                busyAdmittedPerSecond(),
                admittedSpan.toMillis() / 1000d, firstArrival == null ? 0 : firstArrival.toEpochMilli(),
                lastArrival == null ? 0 : lastArrival.toEpochMilli());
    }
}
