package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends host groups concurrently; the client paces every request it sends. A call waiting for a
 * retry holds no worker and no token: it is scheduled again after its back-off, so a slow or failing
 * group never holds up the others. Once due, a retry (or half of a split group) goes ahead of the groups
 * not tried yet: behind them it would wait for every queued group's token, several seconds at the rate,
 * and the run would end waiting for the last retries. Outcomes are recorded as each answer arrives. A zone whose groups have all
 * been submitted ({@link #seal}) and answered for good is reported settled to {@link AcceptedCalls}.
 */
class RotationDispatcher implements RunControl, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RotationDispatcher.class);

    /**
     * One group on its way. {@code tries} counts the calls for exactly these hosts in this run, against the
     * retry budget; the group's {@code attempts} count every call its rows took, splits and earlier runs included.
     */
    private record Call(HostGroup group, int tries) {
    }

    /** Work for a worker: calls tried before first, then in the order they came. */
    private record Task(Runnable work, boolean triedBefore, long order) implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task other) {
            return triedBefore != other.triedBefore ? (triedBefore ? -1 : 1) : Long.compare(order, other.order);
        }
    }

    private final EdgeOneClient client;
    private final RetryPolicy retryPolicy;
    private final GroupOutcomeRecorder recorder;
    private final AcceptedCalls accepted;
    private final int maxOutstanding;
    private final ExecutorService workers;
    private final AtomicLong tasks = new AtomicLong();
    private final ScheduledExecutorService retryTimer;
    private final Set<Call> waitingForRetry = ConcurrentHashMap.newKeySet();
    private final AtomicLong rateRefusals = new AtomicLong();
    private final Object lock = new Object();
    private int outstanding;
    private final Map<String, Integer> outstandingByZone = new HashMap<>();
    private final Set<String> sealedZones = new HashSet<>();
    private volatile String stopReason;
    private long drainDeadline;

    RotationDispatcher(EdgeOneClient client, RetryPolicy retryPolicy, GroupOutcomeRecorder recorder,
                       AcceptedCalls accepted, int concurrency) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.recorder = recorder;
        this.accepted = accepted;
        this.maxOutstanding = concurrency * 4;
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), DaemonThreads.named("rotate-"));
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("retry-timer"));
    }

    /** Queues a group; blocks while many are outstanding so the reader never runs far ahead. */
    void submit(HostGroup group) throws InterruptedException {
        synchronized (lock) {
            while (outstanding >= maxOutstanding && stopReason == null) {
                lock.wait();
            }
            if (stopReason != null) {
                return;
            }
            outstanding++;
            outstandingByZone.merge(group.zoneId(), 1, Integer::sum);
        }
        execute(new Call(group, 0), false);
    }

    private void execute(Call call, boolean triedBefore) {
        workers.execute(new Task(() -> attempt(call), triedBefore, tasks.incrementAndGet()));
    }

    /** Every group of the zone has been submitted: the zone settles once they are all answered for good. */
    void seal(String zoneId) {
        boolean settled;
        synchronized (lock) {
            settled = !outstandingByZone.containsKey(zoneId);
            if (!settled) {
                sealedZones.add(zoneId);
            }
        }
        if (settled) {
            accepted.zoneSettled(zoneId, this);
        }
    }

    @Override
    public boolean stopped() {
        return stopReason != null;
    }

    /** Why the run stopped, or null. */
    String stopReason() {
        return stopReason;
    }

    /**
     * Waits until every submitted group is decided or left pending, or, after a stop with a drain limit, until
     * that limit; returns why the run stopped, or null.
     */
    String awaitCompletion() throws InterruptedException {
        synchronized (lock) {
            while (outstanding > 0) {
                long remaining = drainDeadline == 0 ? 0 : drainDeadline - System.nanoTime();
                if (drainDeadline != 0 && remaining <= 0) {
                    log.warn("{} call(s) still unanswered at the end of the grace period: their rows stay PENDING",
                            outstanding);
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, drainDeadline == 0 ? Long.MAX_VALUE : remaining);
            }
        }
        return stopReason;
    }

    /** Takes no new calls; groups not yet sent stay PENDING. Calls in flight still record their answer. */
    @Override
    public void stop(String reason) {
        synchronized (lock) {
            if (stopReason == null) {
                stopReason = reason;
                log.error("Stopping the run: {}", reason);
            }
            lock.notifyAll();
        }
        client.halt();
        waitingForRetry.forEach(this::abandonRetry);
    }

    /** As {@link #stop(String)}, but {@link #awaitCompletion()} waits no longer than {@code drain} for calls in flight. */
    void stop(String reason, Duration drain) {
        synchronized (lock) {
            drainDeadline = System.nanoTime() + Math.max(1, drain.toNanos());
        }
        stop(reason);
    }

    long rateRefusals() {
        return rateRefusals.get();
    }

    private void attempt(Call call) {
        boolean settled = true;
        try {
            settled = send(call);
        } catch (RuntimeException e) {
            stop("could not record a result: " + e.getMessage());
        } finally {
            if (settled) {
                finish(call);
            }
        }
    }

    /** Sends one call for the group and acts on the answer; false when the group lives on as a retry. */
    private boolean send(Call call) {
        if (stopReason != null) {
            return true;
        }
        HostGroup group = call.group();
        HostGroup attempted = group.withAttempts(group.attempts() + 1);
        Call made = new Call(attempted, call.tries() + 1);
        ApiResponse response = client.call(ModifyHostsCertificate.ACTION, new ModifyHostsCertificate(
                group.zoneId(), group.hosts(), group.mode(), group.certIds()).parameters());
        if (response instanceof ApiResponse.Ok ok) {
            recorder.succeeded(attempted, ok.requestId());
            accepted.accepted(attempted, this);
            return true;
        }
        ApiResponse.Error error = (ApiResponse.Error) response;
        if (ErrorClassifier.NOT_SENT.equals(error.code())) {
            return true;
        }
        if (ErrorClassifier.RATE_LIMIT_EXCEEDED.equals(error.code())) {
            rateRefusals.incrementAndGet();
        }
        switch (error.errorClass()) {
            case FATAL -> {
                recorder.undecided(attempted);
                stop(refusal(error));
            }
            case TRANSIENT -> {
                if (!retryPolicy.mayRetryAfter(made.tries())) {
                    recorder.failed(attempted, error);
                    return true;
                }
                recorder.undecided(attempted);
                if (stopReason == null) {
                    scheduleRetry(made, error);
                    return false;
                }
            }
            case HOST_SPECIFIC -> {
                if (attempted.hosts().size() == 1) {
                    recorder.failed(attempted, error);
                    return true;
                }
                recorder.undecided(attempted);
                if (stopReason == null) {
                    attempted.split().forEach(half -> resubmit(new Call(half, 0)));
                }
            }
            case PERMANENT -> recorder.failed(attempted, error);
        }
        return true;
    }

    /** Why the run stops on a fatal answer, to any action. */
    static String refusal(ApiResponse.Error error) {
        return "the API refused the call with " + error.code() + ": " + error.message();
    }

    private void scheduleRetry(Call call, ApiResponse.Error error) {
        long delay = retryPolicy.delayAfter(call.tries()).toMillis();
        log.debug("{} {} host(s): {} on try {}, again in {} ms", call.group().zoneId(), call.group().hosts().size(),
                error.code(), call.tries(), delay);
        // Whoever removes the call from the set owns it: the timer (to send it) or a stop (to settle it).
        waitingForRetry.add(call);
        retryTimer.schedule(() -> {
            if (waitingForRetry.remove(call)) {
                execute(call, true);
            }
        }, delay, TimeUnit.MILLISECONDS);
        if (stopReason != null) {
            abandonRetry(call);
        }
    }

    /** A retry that will not be sent: its rows stay PENDING with the attempts already recorded. */
    private void abandonRetry(Call call) {
        if (waitingForRetry.remove(call)) {
            finish(call);
        }
    }

    /** A half of a split group: outstanding like any group, but never blocked (it runs on a worker). */
    private void resubmit(Call half) {
        synchronized (lock) {
            outstanding++;
            outstandingByZone.merge(half.group().zoneId(), 1, Integer::sum);
        }
        execute(half, true);
    }

    /** The zone is reported settled before the call stops counting, so the run cannot end in between. */
    private void finish(Call call) {
        String zoneId = call.group().zoneId();
        boolean settled;
        synchronized (lock) {
            settled = outstandingByZone.merge(zoneId, -1, Integer::sum) == 0;
            if (settled) {
                outstandingByZone.remove(zoneId);
                settled = sealedZones.remove(zoneId);
            }
        }
        if (settled) {
            accepted.zoneSettled(zoneId, this);
        }
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
}
