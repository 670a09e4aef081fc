package io.certrotator.job;

import io.certrotator.input.CsvRow;
import io.certrotator.input.RotationRow;
import io.certrotator.input.RowValidator;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowWriter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;

/**
 * Loading the input, the "process indicator" way: a chunk step streams the CSV into the results table, the reader
 * reading the rows as written, the processor validating and normalizing them ({@link RowValidator}) and the writer
 * inserting them (each chunk one JDBC batch, committed with the reader's position); then one query marks the rows of
 * hosts listed with different targets INVALID; the decider ends a run with invalid rows there. The table's STATUS is
 * the process indicator the rotate step reads: PENDING rows are what is left to do.
 */
@Configuration(proxyBeanMethods = false)
class LoadInputConfiguration {

    /** Rows per transaction: one JDBC batch, one commit and one update of the step's context each. */
    static final int CHUNK = 5_000;

    @Bean
    Step loadInput(JobRepository jobRepository, PlatformTransactionManager transactions, InputRowReader inputRowReader,
                   RowWriter inputRowWriter) {
        return new StepBuilder(RotationJobConfiguration.LOAD_STEP, jobRepository)
                .<CsvRow, RotationRow>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(inputRowReader)
                .processor(RowValidator::validate)
                .writer(inputRowWriter)
                .build();
    }

    @Bean
    @StepScope
    InputRowReader inputRowReader(@Value("#{jobParameters['" + RotationParameters.INPUT + "']}") String input,
                                  JobStop jobStop) {
        return new InputRowReader(Path.of(input), jobStop);
    }

    @Bean
    @StepScope
    RowWriter inputRowWriter(ResultsRepository results,
                             @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long instanceId) {
        return results.rowWriter(instanceId);
    }

    @Bean
    Step markConflicts(JobRepository jobRepository, PlatformTransactionManager transactions, ResultsRepository results) {
        return new StepBuilder("markConflicts", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    results.markConflictingHosts(chunkContext.getStepContext().getStepExecution().getJobExecution()
                            .getJobInstance().getInstanceId());
                    return RepeatStatus.FINISHED;
                }, transactions)
                .build();
    }

    @Bean
    InvalidInputDecider invalidInput(ResultsRepository results) {
        return new InvalidInputDecider(results);
    }
}
