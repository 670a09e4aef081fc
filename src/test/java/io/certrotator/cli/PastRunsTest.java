package io.certrotator.cli;

import io.certrotator.job.RunExitStatus;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code history} names the way a run's last start ended, and its duration, from what the repository holds. */
class PastRunsTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 10, 0);

    /** An execution that ended with {@code status}, as the job recorded it. */
    private static JobExecution ended(BatchStatus status) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, "rotate"), new JobParameters());
        execution.setStatus(status);
        execution.setExitStatus(new ExitStatus(status.name()));
        execution.setStartTime(START);
        execution.setEndTime(START.plusSeconds(12));
        return execution;
    }

    @Test
    void aRunThatStoppedBeforeTheEndIsStopped() {
        JobExecution termed = ended(BatchStatus.STOPPED);

        assertThat(PastRuns.status(termed)).isEqualTo("STOPPED");
    }

    @Test
    void aRunThatFailedOtherwiseIsFailed() {
        JobExecution failed = ended(BatchStatus.FAILED);

        assertThat(PastRuns.status(failed)).isEqualTo("FAILED");
    }

    @Test
    void ourOwnExitStatusSaysMoreThanSpringBatchs() {
        JobExecution invalid = ended(BatchStatus.COMPLETED);
        invalid.setExitStatus(new ExitStatus(RunExitStatus.INVALID_INPUT));

        assertThat(PastRuns.status(invalid)).isEqualTo(RunExitStatus.INVALID_INPUT);
    }

    @Test
    void aStartWithoutAnEndHasNoDurationYet() {
        JobExecution running = ended(BatchStatus.STARTED);
        running.setEndTime(null);

        assertThat(PastRuns.status(running)).isEqualTo("STARTED");
        assertThat(PastRuns.duration(List.of(ended(BatchStatus.STOPPED), running))).isEmpty();
    }

    @Test
    void theDurationIsTheTimeOfEveryStart() {
        JobExecution first = ended(BatchStatus.STOPPED);
        JobExecution second = ended(BatchStatus.COMPLETED);

        assertThat(PastRuns.duration(List.of(first, second))).contains(Duration.ofSeconds(24));
    }
}
