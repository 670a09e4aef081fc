package io.certrotator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Plans written under the home for a rotation in the same run: {@code FOLDER/PREFIXHASH.csv}, HASH the first 12 hex
 * digits of the CSV's SHA-256, so the same plan is the same file, and so the same job instance (resumed, or already
 * completed).
 */
final class PlanFiles {

    static final int HASH_CHARACTERS = 12;

    private PlanFiles() {
    }

    /** @throws CommandFailure (bad input) when the folder cannot be created */
    static Path write(Path folder, String prefix, String csv) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "cannot create " + folder + ": " + e);
        }
        Path file = folder.resolve(prefix + sha256(csv).substring(0, HASH_CHARACTERS) + ".csv");
        OutputFiles.write(file, csv);
        return file;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
