package io.certrotator.job;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Confirms that the API did what it said: once a zone's calls are all answered, reads its accepted hosts back in
 * as few Describe calls as the reader can, and reads again, with back-off, those whose certificate is still on its
 * way or not there yet, until {@code timeout}. A host that shows the target stays SUCCEEDED; one that shows
 * something else at the end, or a certificate that failed, becomes FAILED with {@code VerificationFailed}.
 * Nothing here holds a worker: the reads run on the reader's executor and wait on a timer.
 */
final class ReadBackVerifier implements AcceptedCalls {

    private static final long STOP_CHECK_MILLIS = 100;

    private final LiveStateReader reader;
    private final GroupOutcomeRecorder recorder;
    private final RetryPolicy pollPolicy;
    private final Duration timeout;
    /** zone -> host -> the accepted call that named it. */
    private final Map<String, Map<String, HostGroup>> acceptedByZone = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private int zonesBeingRead;
    /** The dispatcher, known from its first report of a settled zone (it needs this verifier to be built). */
    private volatile RunControl run;

    ReadBackVerifier(LiveStateReader reader, GroupOutcomeRecorder recorder, RetryPolicy pollPolicy, Duration timeout) {
        this.reader = reader;
        this.recorder = recorder;
        this.pollPolicy = pollPolicy;
        this.timeout = timeout;
    }

    @Override
    public void accepted(HostGroup group) {
        Map<String, HostGroup> hosts = acceptedByZone.computeIfAbsent(group.zoneId(), z -> new ConcurrentHashMap<>());
        group.hosts().forEach(host -> hosts.put(host, group));
    }

    @Override
    public void zoneSettled(String zoneId, RunControl run) {
        this.run = run;
        Map<String, HostGroup> hosts = acceptedByZone.remove(zoneId);
        if (hosts == null || run.stopped()) {
            return;
        }
        synchronized (lock) {
            zonesBeingRead++;
        }
        check(zoneId, hosts, System.nanoTime() + timeout.toNanos(), 1);
    }

    /** Waits until every settled zone is verified, or the run stops (unverified rows stay SUCCEEDED). */
    void awaitCompletion() throws InterruptedException {
        synchronized (lock) {
            while (zonesBeingRead > 0 && (run == null || !run.stopped())) {
                lock.wait(STOP_CHECK_MILLIS);
            }
        }
    }

    private void check(String zoneId, Map<String, HostGroup> waiting, long deadline, int round) {
        reader.read(zoneId, waiting.keySet(), run).whenComplete((live, failure) -> {
            boolean done = true;
            try {
                if (run.stopped()) {
                    return;
                }
                if (failure != null) {
                    couldNotRead(waiting, failure);
                    return;
                }
                Map<String, HostGroup> again = judge(waiting, live, System.nanoTime() >= deadline);
                if (!again.isEmpty()) {
                    long delay = Math.min(pollPolicy.delayAfter(round).toNanos(),
                            Math.max(0, deadline - System.nanoTime()));
                    CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
                            .execute(() -> check(zoneId, again, deadline, round + 1));
                    done = false;
                }
            } catch (RuntimeException e) {
                run.stop("could not record a verification: " + e.getMessage());
            } finally {
                if (done) {
                    zoneDone();
                }
            }
        });
    }

    /** Fails the hosts that show something wrong; returns those to read again. */
    private Map<String, HostGroup> judge(Map<String, HostGroup> waiting, Map<String, HostConfig> live, boolean last) {
        Map<String, HostGroup> again = new HashMap<>();
        waiting.forEach((host, group) -> {
            HostConfig config = live.get(host);
            if (config == null) {
                recorder.verificationFailed(group.only(host), "DescribeAccelerationDomains no longer lists the host");
                return;
            }
            switch (config.towards(group.mode(), group.certIds())) {
                case DONE -> {
                }
                case BROKEN -> fail(group, host, config);
                case UNDER_WAY, DIFFERENT -> {
                    if (last) {
                        fail(group, host, config);
                    } else {
                        again.put(host, group);
                    }
                }
            }
        });
        return again;
    }

    private void fail(HostGroup group, String host, HostConfig config) {
        recorder.verificationFailed(group.only(host), "shows " + config.describe() + ", expected "
                + HostConfig.describeTarget(group.mode(), group.certIds()));
    }

    private void couldNotRead(Map<String, HostGroup> waiting, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DescribeFailed describe && describe.fatal()) {
            run.stop(RotationDispatcher.refusal(describe.error()));
            return;
        }
        waiting.forEach((host, group) -> recorder.verificationFailed(group.only(host),
                "could not read the host back: " + cause.getMessage()));
    }

    private void zoneDone() {
        synchronized (lock) {
            zonesBeingRead--;
            lock.notifyAll();
        }
    }
}
