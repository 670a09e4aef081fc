package io.certrotator.engine;

import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;
import io.certrotator.plan.HostGrouper;
import io.certrotator.results.ResultsRepository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rotates every PENDING row of one job instance: reads them in group order, plans each zone from its live state,
 * forms host groups and has the dispatcher send one ModifyHostsCertificate call per group; unless told not to
 * verify, reads the accepted hosts back. Only the rows still PENDING are read, so on a restart nothing already
 * SUCCEEDED or FAILED is sent (or verified) again.
 */
public final class RotationEngine {

    /** Describe calls in flight at most: enough to keep the Describe pacer busy at the API's latency. */
    private static final int DESCRIBE_THREADS = 8;

    private final ResultsRepository results;
    private final TransactionTemplate transactions;
    private final RetryPolicy retryPolicy;
    private final int concurrency;
    private final Duration verifyTimeout;
    private final StopSignal stopSignal;

    public RotationEngine(ResultsRepository results, TransactionTemplate transactions, RetryPolicy retryPolicy,
                          int concurrency, Duration verifyTimeout, StopSignal stopSignal) {
        this.results = results;
        this.transactions = transactions;
        this.retryPolicy = retryPolicy;
        this.concurrency = concurrency;
        this.verifyTimeout = verifyTimeout;
        this.stopSignal = stopSignal;
    }

    /**
     * @param modify   the client for ModifyHostsCertificate, paced by that action's budget
     * @param describe the client for DescribeAccelerationDomains, paced by that action's budget
     */
    public RotationOutcome rotate(long instanceId, int maxHostsPerCall, boolean verify, EdgeOneClient modify,
                                  EdgeOneClient describe) throws InterruptedException {
        GroupOutcomeRecorder recorder = new GroupOutcomeRecorder(results, transactions, instanceId);
        ExecutorService describeThreads = Executors.newFixedThreadPool(DESCRIBE_THREADS,
                DaemonThreads.named("describe-"));
        LiveStateReader reader = new LiveStateReader(describe, retryPolicy, describeThreads);
        ReadBackVerifier verifier = verify ? new ReadBackVerifier(reader, recorder, retryPolicy, verifyTimeout) : null;
        AcceptedCalls verification = verifier == null ? AcceptedCalls.TRUSTED : verifier;
        long started = System.nanoTime();
        try (RotationDispatcher dispatcher = new RotationDispatcher(modify, retryPolicy, recorder, verification,
                concurrency)) {
            stopSignal.attach(dispatcher);
            try {
                HostGrouper grouper = new HostGrouper(maxHostsPerCall, group -> submit(dispatcher, group));
                ZonePlanner planner = new ZonePlanner(reader, recorder, grouper, dispatcher, verification);
                try {
                    results.forEachPendingInGroupOrder(instanceId, planner);
                    planner.flush();
                } catch (StopReading stopped) {
                    // the rows not read yet stay PENDING
                }
                dispatcher.awaitCompletion();
                if (verifier != null) {
                    verifier.awaitCompletion();
                }
                return new RotationOutcome(modify.callsMade(), reader.callsMade(), dispatcher.rateRefusals(),
                        Duration.ofNanos(System.nanoTime() - started), dispatcher.stopReason());
            } finally {
                stopSignal.detach();
            }
        } finally {
            describeThreads.shutdownNow();
        }
    }

    private static void submit(RotationDispatcher dispatcher, HostGroup group) {
        if (dispatcher.stopped()) {
            throw new StopReading();
        }
        try {
            dispatcher.submit(group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispatcher.stop("interrupted");
        }
    }

    /** Ends the reading of pending rows once the run stops: a million rows need not be read to send nothing. */
    static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
