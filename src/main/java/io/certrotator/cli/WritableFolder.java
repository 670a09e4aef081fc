package io.certrotator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
        unwritable(file.toAbsolutePath().normalize().getParent()).ifPresent(why -> {
            throw new ConfigurationMistake("cannot write " + what + " " + file + ": " + why + "; give " + option
                    + "=FILE in a folder you can write");
        });
    }

    /**
     * Why no file can be created in {@code folder}, judged as {@link #check} judges a file's folder.
     *
     * @return "the folder DIR is not writable (reason)", DIR the folder or the nearest one that exists; empty when a
     * file can be created there
     */
    static Optional<String> unwritable(Path folder) {
        Path existing = nearestExisting(folder.toAbsolutePath().normalize());
        if (!Files.isDirectory(existing)) {
            return Optional.of(existing + " is a file, not a folder");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".cert-rotator-", ".probe"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the folder " + existing + " is not writable (" + reason(e) + ")");
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
        return IoReason.of(e).orElse("no file can be created there");
    }
}
