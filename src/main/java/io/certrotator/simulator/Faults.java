package io.certrotator.simulator;

import java.time.Duration;

/**
 * The random misbehaviour of the simulated API. Latency is {@code latency} plus a uniform jitter in
 * {@code [-jitter, +jitter]} (never below zero), replaced by {@code outlierLatency} with probability
 * {@code outlierRate}. The other rates are per admitted call, drawn in this order: hang (hold the request for
 * {@code hangTime}, then close the connection without answering), drop (answer 200 with a Content-Length, send part
 * of the body and close), HTTP 502, bad body (answer 200 with a {@link BadBody} of kind {@code badBody}), transient
 * API error. A faulty call changes nothing.
 */
public record Faults(Duration latency, Duration jitter, double outlierRate, Duration outlierLatency,
                     double transientErrorRate, double http502Rate, double dropRate,
                     double hangRate, Duration hangTime, double badBodyRate, BadBody badBody) {

    public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 0, Duration.ofSeconds(2),
            0, 0, 0, 0, Duration.ofSeconds(60), 0, BadBody.NOT_JSON);

    public Faults {
        requireNonNegative(latency, "latency");
        requireNonNegative(jitter, "jitter");
        requireNonNegative(outlierLatency, "outlier latency");
        requireNonNegative(hangTime, "hang time");
        requireProbability(outlierRate, "outlier rate");
        requireProbability(transientErrorRate, "transient error rate");
        requireProbability(http502Rate, "HTTP 502 rate");
        requireProbability(dropRate, "drop rate");
        requireProbability(hangRate, "hang rate");
        requireProbability(badBodyRate, "bad body rate");
        if (badBody == null) {
            throw new IllegalArgumentException("bad body kind must be given");
        }
    }

    public Faults withLatency(Duration mean, Duration jitter) {
        return new Faults(mean, jitter, outlierRate, outlierLatency, transientErrorRate, http502Rate, dropRate,
                hangRate, hangTime, badBodyRate, badBody);
    }

    public Faults withOutliers(double rate, Duration latency) {
        return new Faults(this.latency, jitter, rate, latency, transientErrorRate, http502Rate, dropRate,
                hangRate, hangTime, badBodyRate, badBody);
    }

    public Faults withTransientErrorRate(double rate) {
        return new Faults(latency, jitter, outlierRate, outlierLatency, rate, http502Rate, dropRate, hangRate, hangTime,
                badBodyRate, badBody);
    }

    public Faults withHttp502Rate(double rate) {
        return new Faults(latency, jitter, outlierRate, outlierLatency, transientErrorRate, rate, dropRate,
                hangRate, hangTime, badBodyRate, badBody);
    }

    public Faults withDropRate(double rate) {
        return new Faults(latency, jitter, outlierRate, outlierLatency, transientErrorRate, http502Rate, rate,
                hangRate, hangTime, badBodyRate, badBody);
    }

    public Faults withHangs(double rate, Duration time) {
        return new Faults(latency, jitter, outlierRate, outlierLatency, transientErrorRate, http502Rate, dropRate,
                rate, time, badBodyRate, badBody);
    }

    public Faults withBadBodies(double rate, BadBody kind) {
        return new Faults(latency, jitter, outlierRate, outlierLatency, transientErrorRate, http502Rate, dropRate,
                hangRate, hangTime, rate, kind);
    }

    private static void requireNonNegative(Duration duration, String what) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or more, not " + duration);
        }
    }

    private static void requireProbability(double rate, String what) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, not " + rate);
        }
    }
}
