package io.certrotator.job;

import io.certrotator.results.PlanFigures;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Counts the host groups the valid rows form (same zone, mode and certificates, at most
 * {@code --max-hosts-per-call} hosts each) and so the calls the rotation will make. A dry run ends here.
 */
class PlanTasklet implements Tasklet {

    private final ResultsRepository results;

    PlanTasklet(ResultsRepository results) {
        this.results = results;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RotationParameters parameters = RotationParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();

        PlanFigures plan = results.pendingPlan(instanceId, parameters.maxHostsPerCall());
        ExecutionContext context = step.getJobExecution().getExecutionContext();
        context.putLong(JobFigures.PLANNED_CALLS, plan.calls());
        context.putLong(JobFigures.PLANNED_HOSTS, plan.hosts());
        context.putLong(JobFigures.PLANNED_TARGETS, plan.targets());
        if (parameters.dryRun()) {
            contribution.setExitStatus(new ExitStatus(RunExitStatus.DRY_RUN));
        }
        return RepeatStatus.FINISHED;
    }
}
