package io.certrotator.job;

/** The run stopped before every row was decided; the same command resumes it. */
public class RunStoppedException extends RuntimeException {
    public RunStoppedException(String reason) {
        super(reason);
    }
}
