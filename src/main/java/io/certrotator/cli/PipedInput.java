package io.certrotator.cli;

import io.certrotator.input.InputFileException;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An {@code --input} that can be read only once: a pipe, a FIFO, {@code /dev/stdin}, a process substitution
 * ({@code /dev/fd/63}). It is copied, as it is read, to {@code HOME/inputs/HASH.csv} (HASH: the first 16 hex digits of
 * its SHA-256), and the run reads that copy: the same content is the same file, so the same run (resumed, or already
 * completed), as for any input of that content. Such an input has no folder of its own for the report.
 */
final class PipedInput {

    static final String FOLDER = "inputs";
    private static final int HASH_CHARACTERS = 16;
    /** The names of a descriptor: {@code /dev/stdin} redirected from a file is a regular file, but has no folder. */
    private static final Pattern DESCRIPTOR = Pattern.compile("/dev/std(in|out|err)|/dev/fd/.*|/proc/[^/]+/fd/.*");

    private PipedInput() {
    }

    /** A pipe, FIFO or device, or a descriptor's name; a missing file or a folder is not (their errors say so). */
    static boolean isPiped(Path input) {
        Path given = input.toAbsolutePath().normalize();
        return DESCRIPTOR.matcher(given.toString()).matches()
                || Files.exists(given) && !Files.isRegularFile(given) && !Files.isDirectory(given);
    }

    /**
     * Reads {@code input} once, to its end, into {@code home/inputs/HASH.csv}, written whole or not at all.
     *
     * @return the copy
     * @throws InputFileException when the input cannot be read
     * @throws ConfigurationMistake when the copy cannot be written
     */
    static Path keep(Path input, Path home) {
        Path folder = home.resolve(FOLDER);
        Path partial;
        try {
            partial = Files.createTempFile(Files.createDirectories(folder), ".piped-", ".partial");
        } catch (IOException e) {
            throw new ConfigurationMistake("cannot keep --input=" + input + " in " + folder + ": " + e);
        }
        try {
            String hash = copy(input, partial);
            Path kept = folder.resolve(hash.substring(0, HASH_CHARACTERS) + ".csv");
            Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException e) {
            throw new ConfigurationMistake("cannot keep --input=" + input + " in " + folder + ": " + e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a leftover .partial file is harmless
            }
        }
    }

    /**
     * A {@link FileInputStream}: the JDK's channel stream asks a pipe for its position, which a pipe does not have
     * ("Illegal seek").
     */
    private static String copy(Path input, Path target) throws IOException {
        MessageDigest sha256 = sha256();
        InputStream opened;
        try {
            opened = new FileInputStream(input.toFile());
        } catch (IOException e) {
            throw new InputFileException(input, "cannot be read: " + e.getMessage(), e);
        }
        try (InputStream in = new DigestInputStream(opened, sha256); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
