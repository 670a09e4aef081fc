package io.certrotator.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a command will be able to write a file where it is to go, found out before it reads or sends anything. It
 * creates a file in the folder and deletes it: the permission bits do not tell (root writes a folder that is
 * {@code chmod 555}, a read-only mount refuses everyone).
 */
final class WritableFolder {

    private WritableFolder() {
    }

    /**
     * A folder that does not exist yet counts as writable when the nearest one that does is, since the writers create
     * the rest.
     *
     * @param what   the file, as the message names it ("the report")
     * @param option the option that puts the file elsewhere ({@code --report})
     * @throws ConfigurationMistake naming the file, the folder and the option
     */
    static void check(Path file, String what, String option) {
        if (Files.isDirectory(file)) {
            throw new ConfigurationMistake("cannot write " + what + " " + file + ": it is a folder; give " + option
                    + "=FILE");
        }
        Path folder = nearestExisting(file.toAbsolutePath().normalize().getParent());
        try {
            Files.delete(Files.createTempFile(folder, ".cert-rotator-", ".probe"));
        } catch (IOException e) {
            throw new ConfigurationMistake("cannot write " + what + " " + file + ": the folder " + folder
                    + " is not writable (" + reason(e) + "); give " + option + "=FILE in a folder you can write");
        }
    }

    private static Path nearestExisting(Path folder) {
        Path existing = folder;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        return "no file can be created there";
    }
}
