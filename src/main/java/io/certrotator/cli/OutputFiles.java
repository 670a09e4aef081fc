package io.certrotator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a command's output file whole: to a temporary file beside it, then moved in place. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** @throws CommandFailure (exit 2) when the file cannot be written */
    static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(Files.createDirectories(target.getParent()), "." + target.getFileName(),
                    ".tmp");
            try {
                Files.writeString(temporary, text);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "cannot write " + file + ": " + e);
        }
    }
}
