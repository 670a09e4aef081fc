package io.certrotator.cli;

import io.certrotator.edgeone.ErrorClass;
import io.certrotator.input.InputFileException;
import io.certrotator.job.Causes;
import io.certrotator.job.RunExitStatus;
import io.certrotator.results.StatusCounts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The contract's exit codes, and the one place that picks one for a run. */
public final class ExitCodes {

    public static final int SUCCEEDED = 0;
    public static final int STOPPED = 1;
    public static final int BAD_INPUT = 2;
    public static final int ROWS_FAILED = 3;

    private ExitCodes() {
    }

    /**
     * An API call of a single-call command (upload) that did not succeed: a refusal of what was sent is 3, like a
     * FAILED row; no usable answer after the retries, or credentials or permission refused, is 1, like a stopped run:
     * the same command may succeed later.
     */
    static int ofRefusedCall(ErrorClass errorClass) {
        return errorClass == ErrorClass.TRANSIENT || errorClass == ErrorClass.FATAL
                || errorClass == ErrorClass.ZONE_UNAUTHORIZED ? STOPPED : ROWS_FAILED;
    }

    static int of(JobExecution execution, StatusCounts counts) {
        String exitStatus = execution.getExitStatus().getExitCode();
        if (RunExitStatus.INVALID_INPUT.equals(exitStatus) || failedOnInput(execution)) {
            return BAD_INPUT;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return STOPPED;
        }
        return counts.allSucceeded() ? SUCCEEDED : ROWS_FAILED;
    }

    /** A rerun of a completed instance sends nothing; only bad input stays an error. */
    static int ofCompletedEarlier(JobExecution execution) {
        return RunExitStatus.INVALID_INPUT.equals(execution.getExitStatus().getExitCode()) ? BAD_INPUT : SUCCEEDED;
    }

    /**
     * A run whose report could not be written at the end: invalid rows stay 2 (nothing was sent); any other run has not
     * done all it does, 1: the same command, given a --report it can write, finishes it.
     */
    static int withoutReport(int code) {
        return code == BAD_INPUT ? BAD_INPUT : STOPPED;
    }

    static boolean failedOnInput(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().anyMatch(ExitCodes::isInputProblem);
    }

    private static boolean isInputProblem(Throwable failure) {
        return Causes.first(failure, InputFileException.class::isInstance) != null;
    }
}
