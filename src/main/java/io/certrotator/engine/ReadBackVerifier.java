package io.certrotator.engine;

import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Confirms that the API did what it said: reads accepted hosts back in as few Describe calls as the reader can, and
 * reads again, with back-off, those whose certificate is still on its way or not there yet, until {@code timeout}.
 * A host that shows the target stays SUCCEEDED; one that shows something else at the end, or a certificate that
 * failed, becomes FAILED with {@code VerificationFailed}.
 * <p>
 * A page of the zone's listing is read back as soon as every host it listed for a call is accepted, while the
 * zone's other calls go on: a zone of 1,000 hosts would otherwise end with five pages read one spacing apart
 * after its last answer, where now only the last page is left. The hosts of a page with a failed call, and those
 * not read from a page, are read back once the whole zone is answered. Nothing here holds a worker: the reads
 * run on the reader's executor and wait on a timer.
 */
final class ReadBackVerifier implements AcceptedCalls {

    private static final long STOP_CHECK_MILLIS = 100;

    /** The hosts one page listed for calls: those not accepted yet, and the accepted ones with their call. */
    private static final class Page {
        final int offset;
        final Set<String> unanswered;
        final Map<String, HostGroup> accepted = new HashMap<>();

        Page(int offset, Set<String> hosts) {
            this.offset = offset;
            this.unanswered = new HashSet<>(hosts);
        }
    }

    private final LiveStateReader reader;
    private final GroupOutcomeRecorder recorder;
    private final RetryPolicy pollPolicy;
    private final Duration timeout;
    private final Object lock = new Object();
    /** zone -> host -> the page that listed it, until every host of that page is accepted. */
    private final Map<String, Map<String, Page>> pagesByZone = new HashMap<>();
    /** zone -> host -> the accepted call that named it, for hosts read back with the rest of the zone. */
    private final Map<String, Map<String, HostGroup>> acceptedByZone = new HashMap<>();
    private int readsUnderWay;
    /** The dispatcher, known from its first report (it needs this verifier to be built). */
    private volatile RunControl run;

    ReadBackVerifier(LiveStateReader reader, GroupOutcomeRecorder recorder, RetryPolicy pollPolicy, Duration timeout) {
        this.reader = reader;
        this.recorder = recorder;
        this.pollPolicy = pollPolicy;
        this.timeout = timeout;
    }

    @Override
    public void listed(String zoneId, int pageOffset, Set<String> hosts) {
        Page page = new Page(pageOffset, hosts);
        synchronized (lock) {
            Map<String, Page> pages = pagesByZone.computeIfAbsent(zoneId, zone -> new HashMap<>());
            hosts.forEach(host -> pages.put(host, page));
        }
    }

    @Override
    public void accepted(HostGroup group, RunControl run) {
        this.run = run;
        List<Page> complete = new ArrayList<>();
        synchronized (lock) {
            Map<String, Page> pages = pagesByZone.getOrDefault(group.zoneId(), Map.of());
            for (String host : group.hosts()) {
                Page page = pages.get(host);
                if (page == null) {
                    acceptedByZone.computeIfAbsent(group.zoneId(), zone -> new HashMap<>()).put(host, group);
                    continue;
                }
                page.unanswered.remove(host);
                page.accepted.put(host, group);
                if (page.unanswered.isEmpty()) {
                    page.accepted.keySet().forEach(pages::remove);
                    complete.add(page);
                }
            }
            if (run.stopped()) {
                return;
            }
            readsUnderWay += complete.size();
        }
        complete.forEach(page -> check(group.zoneId(), page.accepted, OptionalInt.of(page.offset), deadline(), 1));
    }

    @Override
    public void zoneSettled(String zoneId, RunControl run) {
        this.run = run;
        Map<String, HostGroup> rest;
        synchronized (lock) {
            rest = Objects.requireNonNullElseGet(acceptedByZone.remove(zoneId), HashMap::new);
            Map<String, Page> pages = pagesByZone.remove(zoneId);
            if (pages != null) {
                pages.values().stream().distinct().forEach(page -> rest.putAll(page.accepted));
            }
            if (rest.isEmpty() || run.stopped()) {
                return;
            }
            readsUnderWay++;
        }
        check(zoneId, rest, OptionalInt.empty(), deadline(), 1);
    }

    /** Waits until every accepted host is verified, or the run stops (unverified rows stay SUCCEEDED). */
    void awaitCompletion() throws InterruptedException {
        synchronized (lock) {
            while (readsUnderWay > 0 && (run == null || !run.stopped())) {
                lock.wait(STOP_CHECK_MILLIS);
            }
        }
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    /** Reads {@code waiting} back: from their page, if one listed them all, else as the reader sees fit. */
    private void check(String zoneId, Map<String, HostGroup> waiting, OptionalInt page, long deadline, int round) {
        CompletableFuture<Map<String, HostConfig>> read = page.isPresent()
                ? reader.readPage(zoneId, page.getAsInt(), waiting.keySet(), run::stopped)
                : reader.read(zoneId, waiting.keySet(), run::stopped);
        read.whenComplete((live, failure) -> {
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
                            .execute(() -> check(zoneId, again, page, deadline, round + 1));
                    done = false;
                }
            } catch (RuntimeException e) {
                run.stop("could not record a verification: " + e.getMessage());
            } finally {
                if (done) {
                    readDone();
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

    private void readDone() {
        synchronized (lock) {
            readsUnderWay--;
            lock.notifyAll();
        }
    }
}
