package io.certrotator.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;

/**
 * Executions whose end the job repository could not record: Spring Batch marks a job or step execution UNKNOWN when
 * writing its status failed (the database went away under it), and then refuses to restart either one (the job in
 * its launcher, a step in SimpleStepHandler: "Manual intervention is probably necessary"). The intervention is this:
 * called by a run that holds the instance's run locks, which proves the process that left them is gone, it records
 * them FAILED, which Spring Batch restarts from the last commit like any failed run. The rows are safe to go on from:
 * each call's outcome is committed on its own, and an unrecorded answer leaves its rows PENDING.
 */
public final class UnknownEndings {

    static final String DESCRIPTION = "the job repository could not record how this execution ended (UNKNOWN);"
            + " recorded FAILED by the run that resumed it";

    private UnknownEndings() {
    }

    /** Records the instance's UNKNOWN executions and steps FAILED; whether there were any. */
    public static boolean recordFailed(JobRepository repository, JobInstance instance) {
        boolean found = false;
        for (JobExecution execution : repository.getJobExecutions(instance)) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.UNKNOWN) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), DESCRIPTION));
                    if (step.getEndTime() == null) {
                        step.setEndTime(LocalDateTime.now());
                    }
                    repository.update(step);
                    found = true;
                }
            }
            if (execution.getStatus() == BatchStatus.UNKNOWN) {
                execution.setStatus(BatchStatus.FAILED);
                execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), DESCRIPTION));
                if (execution.getEndTime() == null) {
                    execution.setEndTime(LocalDateTime.now());
                }
                repository.update(execution);
                found = true;
            }
        }
        return found;
    }
}
