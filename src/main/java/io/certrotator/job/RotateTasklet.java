package io.certrotator.job;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DescribeZones;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.engine.RotationEngine;
import io.certrotator.engine.RotationOutcome;
import io.certrotator.engine.StopSignal;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The rotate step: hands the job instance's PENDING rows to the rotation engine, with clients paced by this
 * run's rate budgets, and leaves the engine's figures in the job execution context for the summary.
 */
class RotateTasklet implements Tasklet {

    private final RotationEngine engine;
    private final ObjectProvider<ApiAccess> apiAccess;
    private final RateBudget rateBudget;
    private final DataSource dataSource;
    private final StopSignal stopSignal;

    RotateTasklet(ResultsRepository results, TransactionTemplate transactions, ObjectProvider<ApiAccess> apiAccess,
                  RetryPolicy retryPolicy, int concurrency, RateBudget rateBudget, StopSignal stopSignal,
                  Duration verifyTimeout, DataSource dataSource) {
        this.engine = new RotationEngine(results, transactions, retryPolicy, concurrency, verifyTimeout, stopSignal);
        this.apiAccess = apiAccess;
        this.rateBudget = rateBudget;
        this.dataSource = dataSource;
        this.stopSignal = stopSignal;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RotationParameters parameters = RotationParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        ApiAccess access = apiAccess.getObject();
        RotationOutcome outcome;
        try (RepositoryWatch ignored = RepositoryWatch.start(dataSource, stopSignal)) {
            outcome = engine.rotate(instanceId, parameters.maxHostsPerCall(), parameters.verify(),
                    parameters.allowDropping(),
                    access.newClient(rateBudget.pacer(access, ModifyHostsCertificate.ACTION, parameters.rate())),
                    access.newClient(rateBudget.pacer(access, DescribeAccelerationDomains.ACTION, parameters.rate())),
                    access.newClient(rateBudget.pacer(access, DescribeZones.ACTION, parameters.rate())));
        }
        ExecutionContext context = step.getJobExecution().getExecutionContext();
        context.putLong(JobFigures.CALLS, outcome.calls());
        context.putLong(JobFigures.DESCRIBE_CALLS, outcome.describeCalls());
        context.putLong(JobFigures.ZONE_READS, outcome.zoneReads());
        context.putLong(JobFigures.RATE_REFUSALS, outcome.rateRefusals());
        context.putLong(JobFigures.ROTATE_MILLIS, outcome.took().toMillis());
        if (outcome.stopReason().isPresent()) {
            throw new RunStoppedException(outcome.stopReason().get());
        }
        return RepeatStatus.FINISHED;
    }
}
