package io.certrotator.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a planning run (deploy's, scheduled rotate's) hands back to its command: the plan file to rotate, once written
 * (none when there is nothing to rotate, or on a dry run), and whether it left work for a person (zones not read;
 * for the scheduled rotation also hosts due without a replacement).
 */
final class PlanOutcome {

    private volatile Path planFile;
    private volatile boolean incomplete;

    Optional<Path> planFile() {
        return Optional.ofNullable(planFile);
    }

    void planFile(Path file) {
        planFile = file;
    }

    boolean incomplete() {
        return incomplete;
    }

    void incomplete(boolean leftForAPerson) {
        incomplete = leftForAPerson;
    }
}
