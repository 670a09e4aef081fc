package io.certrotator.edgeone;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * The only gate on the request rate: every API call, first attempt or retry, takes one token first.
 * <p>
 * The bucket holds a single token, so there is no burst: calls leave evenly spaced. A bucket with capacity
 * {@code rate} would let a full bucket go at once and then refill, about twice the rate in one second.
 * The spacing carries a 2% margin because the server counts arrivals, and two calls sent 50 ms apart can
 * arrive closer than that.
 */
public final class CallPacer {

    public static final int API_LIMIT_PER_SECOND = 20;
    static final double ARRIVAL_MARGIN = 1.02;

    private final Bucket bucket;
    private final int rate;

    private CallPacer(Bucket bucket, int rate) {
        this.bucket = bucket;
        this.rate = rate;
    }

    public static CallPacer local(int rate) {
        return new CallPacer(Bucket.builder().addLimit(bandwidth(rate)).build(), rate);
    }

    public static Duration spacing(int rate) {
        return Duration.ofNanos((long) Math.ceil(1_000_000_000d / rate * ARRIVAL_MARGIN));
    }

    private static Bandwidth bandwidth(int rate) {
        if (rate < 1 || rate > API_LIMIT_PER_SECOND) {
            throw new IllegalArgumentException("rate must be between 1 and " + API_LIMIT_PER_SECOND + ": " + rate);
        }
        return Bandwidth.builder().capacity(1).refillGreedy(1, spacing(rate)).initialTokens(1).build();
    }

    /** Blocks until this caller may send one request. */
    public void awaitPermit() throws InterruptedException {
        bucket.asBlocking().consume(1);
    }

    public int rate() {
        return rate;
    }
}
