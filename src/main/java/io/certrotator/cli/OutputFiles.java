package io.certrotator.cli;

import io.certrotator.results.WholeFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a command's output file whole: to a temporary file beside it, then moved in place. A device or pipe
 * ({@code /dev/stdout}, a FIFO) is written in place instead: moving a file there would replace it.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * @throws CommandFailure when the file cannot be written (exit 1: the work is done, only its output is lost, and the
     *                        same command given a file it can write does it again), in one line:
     *                        {@code cannot write FILE: no space left on device}
     */
    static void write(Path file, String text) {
        try {
            WholeFile.write(file, writer -> writer.write(text));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.STOPPED, "cannot write " + file + ": "
                    + IoReason.of(e).orElse(Files.isDirectory(file) ? "it is a folder" : "input/output error"));
        }
    }

    /**
     * Before any work, as {@link WritableFolder#check}; but a device or pipe ({@code /dev/stdout}) is written in place,
     * so it is the one checked, not its folder ({@code /dev}, which only root can write).
     *
     * @throws ConfigurationMistake naming the file and the option
     */
    static void checkWritable(Path file, String what, String option) {
        if (!WholeFile.isDevice(file)) {
            WritableFolder.check(file, what, option);
        } else if (!Files.isWritable(file)) {
            throw new ConfigurationMistake("cannot write " + what + " " + file + ": permission denied; give " + option
                    + "=FILE you can write");
        }
    }
}
