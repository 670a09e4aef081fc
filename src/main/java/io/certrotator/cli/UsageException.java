package io.certrotator.cli;

/** A mistake on the command line: reported in one line, exit code 2, no stack trace. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
