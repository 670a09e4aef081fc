package io.certrotator.cli;

import io.certrotator.job.RunExitStatus;
import io.certrotator.job.RunStoppedException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code history} names the way a run's last start ended, and its duration, from what the repository holds. */
class PastRunsTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 10, 0);

    /** An execution whose rotate step ended with {@code status}, its exit description that of {@code failure}. */
    private static JobExecution ended(BatchStatus status, Throwable failure) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, "rotate"), new JobParameters());
        StepExecution step = new StepExecution(1, "rotateCertificates", execution);
        step.setStatus(status);
        step.setExitStatus(new ExitStatus(status.name()).addExitDescription(failure));
        execution.addStepExecution(step);
        execution.setStatus(status);
        execution.setExitStatus(new ExitStatus(status.name()));
        execution.setStartTime(START);
        execution.setEndTime(START.plusSeconds(12));
        return execution;
    }

    @Test
    void aRunThatStoppedBeforeTheEndIsStopped() {
        JobExecution termed = ended(BatchStatus.FAILED, new RunStoppedException("stopped by SIGTERM"));

        assertThat(PastRuns.status(termed)).isEqualTo("STOPPED");
    }

    @Test
    void aRunThatFailedOtherwiseIsFailed() {
        JobExecution failed = ended(BatchStatus.FAILED, new IllegalStateException("the database went away"));

        assertThat(PastRuns.status(failed)).isEqualTo("FAILED");
    }

    @Test
    void ourOwnExitStatusSaysMoreThanSpringBatchs() {
        JobExecution invalid = ended(BatchStatus.COMPLETED, new IllegalStateException("unused"));
        invalid.setExitStatus(new ExitStatus(RunExitStatus.INVALID_INPUT));

        assertThat(PastRuns.status(invalid)).isEqualTo(RunExitStatus.INVALID_INPUT);
    }

    @Test
    void aStartWithoutAnEndHasNoDurationYet() {
        JobExecution running = ended(BatchStatus.STARTED, new IllegalStateException("unused"));
        running.setEndTime(null);

        assertThat(PastRuns.status(running)).isEqualTo("STARTED");
        assertThat(PastRuns.duration(List.of(ended(BatchStatus.FAILED, new RunStoppedException("x")),
                running))).isEmpty();
    }

    @Test
    void theDurationIsTheTimeOfEveryStart() {
        JobExecution first = ended(BatchStatus.FAILED, new RunStoppedException("stopped by SIGTERM"));
        JobExecution second = ended(BatchStatus.COMPLETED, new IllegalStateException("unused"));

        assertThat(PastRuns.duration(List.of(first, second))).contains(Duration.ofSeconds(24));
    }
}
