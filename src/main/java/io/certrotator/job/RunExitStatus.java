package io.certrotator.job;

/** Exit statuses the rotation job ends with besides Spring Batch's own. */
public final class RunExitStatus {

    /** Some rows are invalid and {@code --skip-invalid} was not given: nothing was sent. */
    public static final String INVALID_INPUT = "INVALID_INPUT";

    private RunExitStatus() {
    }
}
