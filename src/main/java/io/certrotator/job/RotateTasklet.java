package io.certrotator.job;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;
import io.certrotator.plan.HostGrouper;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rotates every PENDING row: reads them in group order, plans each zone from its live state, forms host groups
 * and has the dispatcher send one ModifyHostsCertificate call per group; unless {@code --no-verify}, reads the
 * accepted hosts back. On a restart only the rows still PENDING are read, so nothing already SUCCEEDED or FAILED
 * is sent (or verified) again.
 */
class RotateTasklet implements Tasklet {

    /** Describe calls in flight at most: enough to keep the Describe pacer busy at the API's latency. */
    private static final int DESCRIBE_THREADS = 8;

    private final ResultsRepository results;
    private final TransactionTemplate transactions;
    private final ObjectProvider<ApiAccess> apiAccess;
    private final RetryPolicy retryPolicy;
    private final int concurrency;
    private final RateBudget rateBudget;
    private final StopSignal stopSignal;
    private final Duration verifyTimeout;

    RotateTasklet(ResultsRepository results, TransactionTemplate transactions, ObjectProvider<ApiAccess> apiAccess,
                  RetryPolicy retryPolicy, int concurrency, RateBudget rateBudget, StopSignal stopSignal,
                  Duration verifyTimeout) {
        this.results = results;
        this.transactions = transactions;
        this.apiAccess = apiAccess;
        this.retryPolicy = retryPolicy;
        this.concurrency = concurrency;
        this.rateBudget = rateBudget;
        this.stopSignal = stopSignal;
        this.verifyTimeout = verifyTimeout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RotationParameters parameters = RotationParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();

        ApiAccess access = apiAccess.getObject();
        EdgeOneClient client = access.newClient(rateBudget.pacer(access, ModifyHostsCertificate.ACTION,
                parameters.rate()));
        GroupOutcomeRecorder recorder = new GroupOutcomeRecorder(results, transactions, instanceId);
        ExecutorService describeThreads = Executors.newFixedThreadPool(DESCRIBE_THREADS, DaemonThreads.named("describe-"));
        LiveStateReader reader = new LiveStateReader(access.newClient(
                rateBudget.pacer(access, DescribeAccelerationDomains.ACTION, parameters.rate())), retryPolicy,
                describeThreads);
        ReadBackVerifier verifier = parameters.verify()
                ? new ReadBackVerifier(reader, recorder, retryPolicy, verifyTimeout) : null;
        long started = System.nanoTime();
        String stopReason;
        long rateRefusals;
        AcceptedCalls verification = verifier == null ? AcceptedCalls.TRUSTED : verifier;
        try (RotationDispatcher dispatcher = new RotationDispatcher(client, retryPolicy, recorder, verification,
                concurrency)) {
            stopSignal.attach(dispatcher);
            try {
                HostGrouper grouper = new HostGrouper(parameters.maxHostsPerCall(), group -> submit(dispatcher, group));
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
                stopReason = dispatcher.stopReason();
                rateRefusals = dispatcher.rateRefusals();
            } finally {
                stopSignal.detach();
            }
        } finally {
            describeThreads.shutdownNow();
        }
        ExecutionContext context = step.getJobExecution().getExecutionContext();
        context.putLong(JobFigures.CALLS, client.callsMade());
        context.putLong(JobFigures.DESCRIBE_CALLS, reader.callsMade());
        context.putLong(JobFigures.RATE_REFUSALS, rateRefusals);
        context.putLong(JobFigures.ROTATE_MILLIS, (System.nanoTime() - started) / 1_000_000);
        if (stopReason != null) {
            throw new RunStoppedException(stopReason);
        }
        return RepeatStatus.FINISHED;
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
