package io.certrotator.cli;

import io.certrotator.plan.EstatePlan;
import io.certrotator.plan.PlanCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Plans written under the home for a rotation in the same run: {@code FOLDER/PREFIXHASH.csv}, HASH the first 12 hex
 * digits of the CSV's SHA-256, so the same plan is the same file, and so the same job instance (resumed, or already
 * completed).
 */
final class PlanFiles {

    private static final Logger log = LoggerFactory.getLogger(PlanFiles.class);

    static final int HASH_CHARACTERS = 12;

    private PlanFiles() {
    }

    /**
     * What a command that plans and then rotates does with its plan: a dry run prints it (the CSV on standard output,
     * the summary on standard error) and writes nothing; an empty plan is {@code nothingToDo} on standard output;
     * any other is written here, its path and summary printed.
     *
     * @return the file to rotate, or empty when there is none
     */
    static Optional<Path> present(EstatePlan plan, boolean dryRun, Path folder, String prefix, String nothingToDo) {
        StringBuilder csv = new StringBuilder();
        PlanCsvWriter.write(plan.rows(), csv);
        if (dryRun) {
            System.out.print(csv);
            System.out.flush();
            new PlanSummaryPrinter(System.err::println).print(plan, false);
            return Optional.empty();
        }
        OperatorLines lines = new OperatorLines(System.out, log);
        if (plan.rows().isEmpty()) {
            lines.print(nothingToDo);
            return Optional.empty();
        }
        Path file = write(folder, prefix, csv.toString());
        lines.print("plan: " + file + " (" + plan.rows().size() + " rows)");
        new PlanSummaryPrinter(lines::print).print(plan, false);
        return Optional.of(file);
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
