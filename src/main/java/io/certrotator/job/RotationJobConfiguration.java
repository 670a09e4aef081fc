package io.certrotator.job;

import io.certrotator.config.CertRotatorProperties;
import io.certrotator.engine.StopSignal;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The rotation job: load and validate the input ({@link LoadInputConfiguration}), rotate. No run-id incrementer: the
 * same input and options are the same instance, which is what lets a stopped or failed run resume.
 */
@Configuration
public class RotationJobConfiguration {

    public static final String JOB_NAME = "certificateRotation";
    /** The input's load, the job's first step, as the job repository records it. */
    public static final String LOAD_STEP = "loadInput";

    @Bean
    Job certificateRotationJob(JobRepository jobRepository, Step loadInput, Step markConflicts,
                               JobExecutionDecider invalidInput, Step rotateCertificates) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new StoppedRunRecorder())
                .start(loadInput).next(markConflicts).next(invalidInput)
                .on(RunExitStatus.INVALID_INPUT).end(RunExitStatus.INVALID_INPUT)
                .from(invalidInput).on("*").to(rotateCertificates)
                .end()
                .build();
    }

    @Bean
    Step rotateCertificates(JobRepository jobRepository, ResultsRepository results,
                            PlatformTransactionManager transactions, ObjectProvider<ApiAccess> apiAccess,
                            CertRotatorProperties properties, RateBudget rateBudget, StopSignal stopSignal,
                            DataSource dataSource) {
        CertRotatorProperties.Retry retry = properties.retry();
        return new StepBuilder("rotateCertificates", jobRepository)
                .tasklet(new RotateTasklet(results, new ReconnectingTransactions(transactions), apiAccess,
                        new RetryPolicy(retry.maxAttempts(), retry.baseDelay(), retry.maxDelay()),
                        properties.concurrency(), rateBudget, stopSignal, properties.verify().timeout(), dataSource),
                        outsideTransaction())
                .build();
    }

    @Bean
    StopSignal stopSignal() {
        return new StopSignal();
    }

    @Bean
    JobStop jobStop(StopSignal stopSignal) {
        return new JobStop(stopSignal);
    }

    /** The rotate tasklet commits its own work in small transactions; the step must not hold one open around it. */
    private static PlatformTransactionManager outsideTransaction() {
        return new ResourcelessTransactionManager();
    }
}
