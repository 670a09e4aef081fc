package io.certrotator.job;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends host groups concurrently, each call taking a token from the pacer first. A call waiting for a
 * retry holds no worker and no token: it is scheduled again after its back-off, so a slow or failing
 * group never holds up the others. Outcomes are recorded as each answer arrives.
 */
class RotationDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RotationDispatcher.class);
    private static final String RATE_LIMIT_EXCEEDED = "LimitExceeded.RateLimitExceeded";

    private final EdgeOneClient client;
    private final CallPacer pacer;
    private final RetryPolicy retryPolicy;
    private final GroupOutcomeRecorder recorder;
    private final int maxOutstanding;
    private final ExecutorService workers;
    private final ScheduledExecutorService retryTimer;
    private final Map<HostGroup, ScheduledFuture<?>> waitingForRetry = new ConcurrentHashMap<>();
    private final AtomicLong rateRefusals = new AtomicLong();
    private final Object lock = new Object();
    private int outstanding;
    private volatile String stopReason;

    RotationDispatcher(EdgeOneClient client, CallPacer pacer, RetryPolicy retryPolicy, GroupOutcomeRecorder recorder,
                       int concurrency) {
        this.client = client;
        this.pacer = pacer;
        this.retryPolicy = retryPolicy;
        this.recorder = recorder;
        this.maxOutstanding = concurrency * 4;
        this.workers = Executors.newFixedThreadPool(concurrency, daemon("rotate-"));
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(daemon("retry-timer"));
    }

    /** Queues a group; blocks while many are outstanding so the reader never runs far ahead. */
    void submit(HostGroup group) throws InterruptedException {
        if (stopReason != null) {
            return;
        }
        synchronized (lock) {
            while (outstanding >= maxOutstanding) {
                lock.wait();
            }
            outstanding++;
        }
        workers.execute(() -> attempt(group));
    }

    /** Waits until every submitted group is decided or left pending; returns why the run stopped, or null. */
    String awaitCompletion() throws InterruptedException {
        synchronized (lock) {
            while (outstanding > 0) {
                lock.wait();
            }
        }
        return stopReason;
    }

    /** Takes no new calls; groups not yet sent stay PENDING. Calls in flight still record their answer. */
    void stop(String reason) {
        synchronized (lock) {
            if (stopReason == null) {
                stopReason = reason;
                log.error("Stopping the run: {}", reason);
            }
        }
        waitingForRetry.forEach((group, future) -> {
            if (future.cancel(false) && waitingForRetry.remove(group) != null) {
                try {
                    recorder.leftPending(group);
                } finally {
                    finish();
                }
            }
        });
    }

    long rateRefusals() {
        return rateRefusals.get();
    }

    private void attempt(HostGroup group) {
        boolean settled = true;
        try {
            settled = send(group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            stop("could not record a result: " + e.getMessage());
        } finally {
            if (settled) {
                finish();
            }
        }
    }

    /** Sends one call for the group and acts on the answer; false when the group lives on as a retry. */
    private boolean send(HostGroup group) throws InterruptedException {
        if (stopReason == null) {
            pacer.awaitPermit();
        }
        if (stopReason != null) {
            recorder.leftPending(group);
            return true;
        }
        HostGroup attempted = group.withAttempts(group.attempts() + 1);
        ApiResponse response = client.call(ModifyHostsCertificate.ACTION, new ModifyHostsCertificate(
                group.zoneId(), group.hosts(), group.mode(), group.certIds()).parameters());
        if (response instanceof ApiResponse.Ok ok) {
            recorder.succeeded(attempted, ok.requestId());
            return true;
        }
        ApiResponse.Error error = (ApiResponse.Error) response;
        if (RATE_LIMIT_EXCEEDED.equals(error.code())) {
            rateRefusals.incrementAndGet();
        }
        switch (error.errorClass()) {
            case FATAL -> {
                stop("the API refused the call with " + error.code() + ": " + error.message());
                recorder.leftPending(attempted);
            }
            case TRANSIENT -> {
                if (stopReason != null) {
                    recorder.leftPending(attempted);
                } else if (retryPolicy.mayRetryAfter(attempted.attempts())) {
                    scheduleRetry(attempted, error);
                    return false;
                } else {
                    recorder.failed(attempted, error);
                }
            }
            case HOST_SPECIFIC -> {
                if (stopReason != null) {
                    recorder.leftPending(attempted);
                } else if (attempted.hosts().size() > 1) {
                    attempted.split().forEach(this::resubmit);
                } else {
                    recorder.failed(attempted, error);
                }
            }
            case PERMANENT -> recorder.failed(attempted, error);
        }
        return true;
    }

    private void scheduleRetry(HostGroup group, ApiResponse.Error error) {
        long delay = retryPolicy.delayAfter(group.attempts()).toMillis();
        log.debug("{} {} host(s): {} on attempt {}, retrying in {} ms", group.zoneId(), group.hosts().size(),
                error.code(), group.attempts(), delay);
        waitingForRetry.put(group, retryTimer.schedule(() -> {
            if (waitingForRetry.remove(group) != null) {
                workers.execute(() -> attempt(group));
            }
        }, delay, TimeUnit.MILLISECONDS));
    }

    /** A half of a split group: outstanding like any group, but never blocked (it runs on a worker). */
    private void resubmit(HostGroup half) {
        synchronized (lock) {
            outstanding++;
        }
        workers.execute(() -> attempt(half));
    }

    private void finish() {
        synchronized (lock) {
            outstanding--;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
