package io.certrotator.cli;

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
}
