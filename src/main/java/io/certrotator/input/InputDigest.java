package io.certrotator.input;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The input's SHA-256: what identifies a rotation, whatever the file is called or where it lies. */
public final class InputDigest {

    private InputDigest() {
    }

    public static String sha256(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file, "is a directory, not a CSV file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "file not found");
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
