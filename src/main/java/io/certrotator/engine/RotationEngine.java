package io.certrotator.engine;

import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.edgeone.ZoneStateReader;
import io.certrotator.results.PendingRow;
import io.certrotator.results.ResultsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Rotates every PENDING row of one job instance: reads them in zone order and hands each zone to a zone worker
 * ({@link ZoneRotation}), whose calls go out on the call workers. Only the rows still PENDING are read, so on a
 * restart nothing already SUCCEEDED or FAILED is sent (or verified) again.
 */
public final class RotationEngine {

    private static final Logger log = LoggerFactory.getLogger(RotationEngine.class);
    /** Enough Describe calls in flight to keep their budget busy at the API's latency. */
    private static final int DESCRIBE_THREADS = 8;
    /**
     * Pending rows handed to the zone workers and not done yet, at most (a zone of more takes them all): enough to keep
     * dozens of zones under way, and the rest of a big input waits in the database, not in the heap.
     */
    static final int ROWS_AHEAD = 100_000;

    private final ResultsRepository results;
    private final TransactionTemplate transactions;
    private final RetryPolicy retryPolicy;
    private final int concurrency;
    private final Duration verifyTimeout;
    private final StopSignal stopSignal;
    private final int rowsAhead;

    /** @param concurrency calls in flight (or waiting out a back-off) at most; zones under way at most */
    public RotationEngine(ResultsRepository results, TransactionTemplate transactions, RetryPolicy retryPolicy,
                          int concurrency, Duration verifyTimeout, StopSignal stopSignal) {
        this(results, transactions, retryPolicy, concurrency, verifyTimeout, stopSignal, ROWS_AHEAD);
    }

    RotationEngine(ResultsRepository results, TransactionTemplate transactions, RetryPolicy retryPolicy,
                   int concurrency, Duration verifyTimeout, StopSignal stopSignal, int rowsAhead) {
        this.results = results;
        this.transactions = transactions;
        this.retryPolicy = retryPolicy;
        this.concurrency = concurrency;
        this.verifyTimeout = verifyTimeout;
        this.stopSignal = stopSignal;
        this.rowsAhead = rowsAhead;
    }

    /**
     * The three clients (ModifyHostsCertificate, DescribeAccelerationDomains, DescribeZones) are paced by the budgets
     * of their actions.
     *
     * @param allowDropping whether a row may take a key type (RSA, ECC) off its host
     */
    public RotationOutcome rotate(long instanceId, int maxHostsPerCall, boolean verify, boolean allowDropping,
                                  EdgeOneClient modify, EdgeOneClient describe, EdgeOneClient describeZones)
            throws InterruptedException {
        long started = System.nanoTime();
        RunStop stop = new RunStop();
        stop.whenStopped(modify::halt);
        stop.whenStopped(describe::halt);
        stop.whenStopped(describeZones::halt);
        GroupOutcomeRecorder recorder = new GroupOutcomeRecorder(results, transactions, instanceId, verify);
        ExecutorService reads = Executors.newFixedThreadPool(DESCRIBE_THREADS, DaemonThreads.named("describe-"));
        LiveStateReader reader = new LiveStateReader(describe, retryPolicy, reads, stop);
        ZoneAccess access = new ZoneAccess(stop);
        LostConnection lostConnection = new LostConnection(modify, describe, describeZones);
        GroupSender sender = new GroupSender(modify, reader, retryPolicy, recorder, stop, access, lostConnection);
        Workers calls = new Workers("call-", concurrency, stop, () -> {
        });
        Workers zones = new Workers("zone-", concurrency, stop, stop::workDone);
        Semaphore heldRows = new Semaphore(rowsAhead);
        // lets a reader waiting for room find the run stopped
        stop.whenStopped(() -> heldRows.release(rowsAhead));
        ZoneStates zoneStates = new ZoneStates(new ZoneStateReader(describeZones, retryPolicy, stop),
                results.pendingZoneIds(instanceId), stop, lostConnection);
        ZoneRotation zone = new ZoneRotation(reader, recorder, sender, calls, stop, maxHostsPerCall,
                verify ? Optional.of(new ReadBack(reader, recorder, retryPolicy, verifyTimeout, stop, lostConnection))
                        : Optional.empty(), allowDropping, access, lostConnection);
        stopSignal.attach(stop);
        try {
            List<PendingRow> zoneRows = new ArrayList<>();
            try {
                results.forEachPendingInGroupOrder(instanceId, row -> {
                    if (!zoneRows.isEmpty() && !zoneRows.get(0).zoneId().equals(row.zoneId())) {
                        start(zones, zone, zoneStates, access, heldRows, zoneRows);
                    }
                    zoneRows.add(row);
                });
                start(zones, zone, zoneStates, access, heldRows, zoneRows);
                access.allStarted();
            } catch (StopReading stopped) {
                // the rows not read yet stay PENDING; without a stop, the reader was interrupted
                stop.stop("interrupted");
            } finally {
                zones.shutdown();
            }
            stop.awaitOver();
            long unanswered = modify.callsInFlight() + describe.callsInFlight() + describeZones.callsInFlight();
            if (!zones.allDone() && unanswered > 0) {
                log.warn("{} call(s) still unanswered at the end of the grace period: their rows stay PENDING",
                        unanswered);
            }
            return new RotationOutcome(modify.callsMade(), describe.callsMade(), describeZones.callsMade(),
                    sender.rateRefusals(),
                    Duration.ofNanos(System.nanoTime() - started), stop.reason());
        } finally {
            stopSignal.detach();
            calls.shutdown();
            reads.shutdown();
        }
    }

    /**
     * Hands a zone's rows to a zone worker, with the zone's state, once the rows handed before leave room for them.
     * A zone in which no call can succeed (paused, not active) says nothing of the credentials, so it is not one of
     * the first zones {@link ZoneAccess} decides on.
     */
    private void start(Workers zones, ZoneRotation zone, ZoneStates zoneStates, ZoneAccess access, Semaphore heldRows,
                       List<PendingRow> zoneRows) {
        if (zoneRows.isEmpty()) {
            return;
        }
        List<PendingRow> rows = List.copyOf(zoneRows);
        zoneRows.clear();
        int held = Math.min(rows.size(), rowsAhead);
        Optional<StateRefusal> refusal;
        try {
            heldRows.acquire(held);
            refusal = zoneStates.refusal(rows.get(0).zoneId());
        } catch (InterruptedException stopped) {
            throw new StopReading();
        }
        if (refusal.isEmpty()) {
            access.started(rows.get(0).zoneId());
        }
        if (zones.submit(Executors.callable(() -> {
            try {
                zone.rotate(rows, refusal);
            } finally {
                heldRows.release(held);
            }
        })).isEmpty()) {
            throw new StopReading();
        }
    }

    /** Ends the reading of pending rows once the run stops: a million rows need not be read to send nothing. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
