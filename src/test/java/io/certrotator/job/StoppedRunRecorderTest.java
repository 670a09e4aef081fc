package io.certrotator.job;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/** How the job records a run that ended on a step's failure: stopped (it resumes) or failed. */
class StoppedRunRecorderTest {

    /** An execution as Spring Batch ends it when {@code step} fails on {@code failure}: FAILED. */
    private static JobExecution failedIn(String step, Throwable failure) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, RotationJobConfiguration.JOB_NAME),
                new JobParameters());
        StepExecution stepExecution = new StepExecution(1, step, execution);
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.addFailureException(failure);
        execution.addStepExecution(stepExecution);
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED);
        return execution;
    }

    @Test
    void aLoadStoppedBySignalIsRecordedStoppedWithItsReason() {
        RunStoppedException stop = new RunStoppedException("stopped by SIGTERM during the input's load, after 10000"
                + " rows: those are kept, and the same command goes on loading after them");
        JobExecution execution = failedIn("loadInput", new FatalStepExecutionException("Unable to process chunk", stop));

        new StoppedRunRecorder().afterJob(execution);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(execution.getExitStatus()).isEqualTo(new ExitStatus("STOPPED", stop.getMessage()));
    }

    @Test
    void aRotationStoppedBySignalIsRecordedStopped() {
        JobExecution execution = failedIn("rotateCertificates", new RunStoppedException("stopped by SIGTERM"));

        new StoppedRunRecorder().afterJob(execution);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(execution.getExitStatus().getExitDescription()).isEqualTo("stopped by SIGTERM");
    }

    @Test
    void aRunThatFailedOnAnythingElseStaysFailed() {
        JobExecution execution = failedIn("loadInput", new FatalStepExecutionException("Unable to process chunk",
                new IllegalStateException("the database went away")));

        new StoppedRunRecorder().afterJob(execution);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus()).isEqualTo(ExitStatus.FAILED);
    }
}
