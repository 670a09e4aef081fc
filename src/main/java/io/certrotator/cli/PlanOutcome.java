package io.certrotator.cli;

import java.nio.file.Path;
import java.util.function.ToIntFunction;

/**
 * What a planning run (deploy's, scheduled rotate's) hands back to its command: the plan file to rotate, once written
 * (none when there is nothing to rotate, or on a dry run), and whether it left work for a person (zones not read;
 * for the scheduled rotation also hosts due without a replacement).
 */
final class PlanOutcome {

    private volatile Path planFile;
    private volatile boolean incomplete;
    private volatile ScheduledLock lock;

    void planFile(Path file) {
        planFile = file;
    }

    void incomplete(boolean leftForAPerson) {
        incomplete = leftForAPerson;
    }

    /** The lock the scheduled planning took, held while its plan is rotated, until {@link #release()}. */
    void hold(ScheduledLock planningLock) {
        lock = planningLock;
    }

    void release() {
        ScheduledLock held = lock;
        lock = null;
        if (held != null) {
            held.close();
        }
    }

    /**
     * Rotates the plan file, if one was written, and gives the run's exit code: the rotation's, but 3 rather than 0
     * when the plan left work for a person (a zone not read may hold hosts due), as plan's exit code says.
     */
    int rotate(ToIntFunction<Path> rotation) {
        Path file = planFile;
        int rotated = file == null ? ExitCodes.SUCCEEDED : rotation.applyAsInt(file);
        return rotated == ExitCodes.SUCCEEDED && incomplete ? ExitCodes.ROWS_FAILED : rotated;
    }
}
