package io.certrotator.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then moved in place, so that a reader never
 * sees half of it. A device or pipe ({@code /dev/null}, {@code /dev/stdout}, a FIFO) is written in place instead:
 * moved over, it would become a regular file (as root, the device itself would be gone).
 */
public final class WholeFile {

    /** What goes into the file; closing the writer is part of the write (a device may refuse what was buffered). */
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private WholeFile() {
    }

    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        if (isDevice(target)) {
            try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            return;
        }
        Path partial = Files.createTempFile(Files.createDirectories(target.getParent()), "." + target.getFileName(),
                ".partial");
        try {
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Whether {@code file} exists and is neither a regular file nor a folder (a device, a pipe, a socket). */
    public static boolean isDevice(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // a leftover .partial file is harmless
        }
    }
}
