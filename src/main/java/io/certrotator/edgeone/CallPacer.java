package io.certrotator.edgeone;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The only gate on the request rate: every API call, first attempt or retry, takes one token first.
 * <p>
 * The bucket holds a single token, so there is no burst: calls leave evenly spaced. A bucket with capacity
 * {@code rate} would let a full bucket go at once and then refill, about twice the rate in one second.
 * The spacing carries a 2% margin because the server counts arrivals, and two calls sent 50 ms apart can
 * arrive closer than that.
 * <p>
 * The bucket is either local to this process or shared: a proxy for one bucket kept in a database, so that
 * every runner using it together stays under the rate. A shared bucket that cannot be reached makes calls
 * wait, never run unthrottled.
 * <p>
 * One caller at a time asks for the token, and takes it only when it is there: it never books a token ahead
 * and sleeps towards it. A booked departure that wakes late is followed by the next one on time, and the
 * two arrive closer than the spacing (a second with 21 arrivals). Taking the token only when awake means a
 * late caller delays the ones after it instead. For the same reason a request written late after its token
 * (its thread paused, a collection stopped the JVM) pushes the next tokens back by as much: see
 * {@link #pushBack(Duration)}.
 * <p>
 * The bucket counts millionths of a call, so that a push back can take a fraction of one; a call takes a
 * million whatever the rate, so runners sharing a bucket made at another rate still fit their calls in it.
 */
public final class CallPacer {

    public static final int API_LIMIT_PER_SECOND = 20;
    static final double ARRIVAL_MARGIN = 1.02;
    private static final Duration UNREACHABLE_PAUSE = Duration.ofSeconds(1);
    private static final long CALL_TOKENS = 1_000_000;
    /** Stored buckets made before tokens counted millionths of a call are replaced, without their tokens. */
    private static final long CONFIGURATION_VERSION = 2;
    private static final Logger log = LoggerFactory.getLogger(CallPacer.class);

    private final Bucket bucket;
    private final long spacingNanos;
    private final PacingClock clock;
    private final ReentrantLock turn = new ReentrantLock(true);

    private CallPacer(Bucket bucket, int rate, PacingClock clock) {
        this.bucket = bucket;
        this.spacingNanos = spacing(rate).toNanos();
        this.clock = clock;
    }

    public static CallPacer local(int rate) {
        return local(rate, PacingClock.SYSTEM);
    }

    static CallPacer local(int rate, PacingClock clock) {
        return new CallPacer(Bucket.builder().withCustomTimePrecision(clock.meter()).addLimit(bandwidth(rate)).build(),
                rate, clock);
    }

    /** The bucket stored under {@code key} by {@code buckets}, created with this pacing if it is absent. */
    public static <K> CallPacer shared(ProxyManager<K> buckets, K key, int rate) {
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(bandwidth(rate)).build();
        return new CallPacer(buckets.builder()
                .withImplicitConfigurationReplacement(CONFIGURATION_VERSION, TokensInheritanceStrategy.RESET)
                .build(key, () -> configuration), rate, PacingClock.SYSTEM);
    }

    public static Duration spacing(int rate) {
        return Duration.ofNanos((long) Math.ceil(1_000_000_000d / rate * ARRIVAL_MARGIN));
    }

    private static Bandwidth bandwidth(int rate) {
        if (rate < 1 || rate > API_LIMIT_PER_SECOND) {
            throw new IllegalArgumentException("rate must be between 1 and " + API_LIMIT_PER_SECOND + ": " + rate);
        }
        return Bandwidth.builder().capacity(CALL_TOKENS).refillGreedy(CALL_TOKENS, spacing(rate))
                .initialTokens(CALL_TOKENS).build();
    }

    /** Blocks until this caller may send one request. */
    public void awaitPermit() throws InterruptedException {
        turn.lockInterruptibly();
        try {
            while (true) {
                try {
                    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(CALL_TOKENS);
                    if (probe.isConsumed()) {
                        return;
                    }
                    clock.waitFor(probe.getNanosToWaitForRefill());
                } catch (RuntimeException e) {
                    log.warn("the shared rate budget is unreachable ({}); waiting {} s before asking again",
                            e.getMessage(), UNREACHABLE_PAUSE.toSeconds());
                    Thread.sleep(UNREACHABLE_PAUSE.toMillis());
                }
            }
        } finally {
            turn.unlock();
        }
    }

    /**
     * As {@link #awaitPermit()}, for a client's first request: it also books the next spacing, because a
     * first request (cold classes, a first write on the connection) reaches the server tens of milliseconds
     * after its token, close to the second one.
     */
    public void awaitFirstPermit() throws InterruptedException {
        awaitPermit();
        bucket.consumeIgnoringRateLimits(CALL_TOKENS);
    }

    /**
     * Delays the next tokens by {@code late}: the request that took the last one was written that much after it,
     * and the server counts from when it arrives. (A shared bucket that cannot be reached is not pushed back.)
     */
    public void pushBack(Duration late) {
        try {
            long nanos = Math.min(late.toNanos(), Duration.ofMinutes(1).toNanos());
            bucket.consumeIgnoringRateLimits(Math.max(1, nanos * CALL_TOKENS / spacingNanos));
        } catch (RuntimeException e) {
            log.debug("could not push the shared rate budget back", e);
        }
    }

    PacingClock clock() {
        return clock;
    }
}
