package io.certrotator.input;

import java.nio.file.Path;

/**
 * The input file as a whole cannot be used (missing, unreadable, not UTF-8, no header, a required column
 * missing, broken quoting). The message names the file and the problem and is meant for the user as is.
 */
public class InputFileException extends RuntimeException {

    public InputFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public InputFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
