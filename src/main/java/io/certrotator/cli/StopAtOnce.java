package io.certrotator.cli;

/**
 * How a command that changes nothing (history, report, a rotation's dry run) ends on SIGTERM or Ctrl-C
 * ({@link GracefulShutdown}): it sends no call and keeps no state worth finishing, so it ends at once, exit 1, with one
 * line saying what the stop leaves, rather than the rotation's wait for calls in flight.
 *
 * @param command as the operator typed it, after {@code cert-rotator}
 * @param leaves  what the stop leaves behind, in the operator's words
 */
record StopAtOnce(String command, String leaves) {

    static final StopAtOnce DRY_RUN = new StopAtOnce("rotate --dry-run", "nothing was sent");

    /** {@code cert-rotator history: stopped by SIGTERM: nothing was changed}. */
    String line(String signal) {
        return "cert-rotator " + command + ": stopped by " + signal + ": " + leaves;
    }
}
