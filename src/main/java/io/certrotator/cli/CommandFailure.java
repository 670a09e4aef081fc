package io.certrotator.cli;

import java.util.function.IntSupplier;

/** What ends a command that reads the estate before it has anything to show: one line on stderr and an exit code. */
final class CommandFailure extends RuntimeException {

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /**
     * Does a command's work and gives its exit code; a failure ends it with one line on stderr,
     * {@code cert-rotator COMMAND: why}, and the failure's exit code.
     */
    static int exitCodeOf(String command, IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (CommandFailure e) {
            System.err.println("cert-rotator " + command + ": " + e.getMessage());
            return e.exitCode();
        }
    }
}
