package io.certrotator.job;

import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;
import io.certrotator.plan.InputSurvey;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;
import io.certrotator.results.StatusCounts;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams the CSV into the results table, one row per line, validated: valid rows PENDING, the others
 * INVALID with their reason; then the rows of hosts listed with different targets become INVALID too.
 * A run with invalid rows ends here (exit status INVALID_INPUT) unless {@code --skip-invalid}.
 */
class LoadInputTasklet implements Tasklet {

    private static final int BATCH = 1_000;

    private final ResultsRepository results;
    private final TransactionTemplate transactions;

    LoadInputTasklet(ResultsRepository results, TransactionTemplate transactions) {
        this.results = results;
        this.transactions = transactions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RotationParameters parameters = RotationParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();

        InputSurvey survey = new InputSurvey(parameters.maxHostsPerCall());
        // A load that stopped half-way starts again from the first line.
        results.deleteRows(instanceId);
        try (RotationCsvReader reader = RotationCsvReader.open(parameters.input())) {
            List<RotationRow> batch = new ArrayList<>(BATCH);
            while (reader.hasNext()) {
                RotationRow row = reader.next();
                survey.see(row);
                batch.add(row);
                if (batch.size() == BATCH) {
                    insert(instanceId, batch);
                }
            }
            insert(instanceId, batch);
        }
        transactions.executeWithoutResult(status -> results.markInvalid(instanceId, survey.conflicts()));

        StatusCounts counts = results.countByStatus(instanceId);
        contribution.incrementWriteCount(counts.total());
        if (counts.of(RowStatus.INVALID) > 0 && !parameters.skipInvalid()) {
            contribution.setExitStatus(new ExitStatus(RunExitStatus.INVALID_INPUT));
        }
        return RepeatStatus.FINISHED;
    }

    private void insert(long instanceId, List<RotationRow> batch) {
        if (!batch.isEmpty()) {
            transactions.executeWithoutResult(status -> results.insert(instanceId, batch));
            batch.clear();
        }
    }
}
