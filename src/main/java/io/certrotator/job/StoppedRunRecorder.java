package io.certrotator.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import java.util.Optional;

/**
 * Records a run that stopped itself ({@link RunStoppedException}: a signal, credentials refused) as STOPPED, with the
 * reason as its exit description, instead of the FAILED Spring Batch gives any step that ends on an exception. Spring
 * Batch restarts a STOPPED execution as it does a FAILED one (the failed step goes on from its last commit), so the
 * same command still resumes it; and whoever reads the repository ({@code history}) sees how it ended without digging
 * the exception out of a step's exit description, which Spring Batch wraps and cuts to 2,500 characters.
 */
class StoppedRunRecorder implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return;
        }
        stop(execution).ifPresent(stop -> {
            execution.setStatus(BatchStatus.STOPPED);
            execution.setExitStatus(new ExitStatus(ExitStatus.STOPPED.getExitCode(), stop.getMessage()));
        });
    }

    private static Optional<RunStoppedException> stop(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().map(StoppedRunRecorder::stopIn)
                .flatMap(Optional::stream).findFirst();
    }

    /** The stop in {@code failure}'s chain of causes: Spring Batch wraps what a chunk step's reader throws. */
    private static Optional<RunStoppedException> stopIn(Throwable failure) {
        return Optional.ofNullable((RunStoppedException) Causes.first(failure, RunStoppedException.class::isInstance));
    }
}
