package io.certrotator.cli;

import io.certrotator.job.RepositoryRunLock;
import io.certrotator.job.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One scheduled rotation of a home's job repository at a time, taken before the estate is read and held until the
 * rotation of its plan ends: two overlapping runs would plan different content (the first has rotated some hosts),
 * so the locks of their inputs would not keep them apart. A file lock under {@code HOME/locks}, and on PostgreSQL an
 * advisory lock, the same for every home that shares the database.
 */
final class ScheduledLock implements AutoCloseable {

    static final String KEY = "scheduled-rotation";
    static final String WHAT = "scheduled rotation";
    private static final Logger log = LoggerFactory.getLogger(ScheduledLock.class);

    private final RunLock onThisMachine;
    private final AutoCloseable acrossMachines;

    private ScheduledLock(RunLock onThisMachine, AutoCloseable acrossMachines) {
        this.onThisMachine = onThisMachine;
        this.acrossMachines = acrossMachines;
    }

    /** @throws CommandFailure (stopped, exit 1) when another scheduled rotation holds it, or it cannot be taken */
    static ScheduledLock take(Path home, RepositoryRunLock repositoryRunLock) {
        try {
            RunLock file = RunLock.acquire(home.resolve("locks"), KEY, WHAT);
            try {
                return new ScheduledLock(file, repositoryRunLock.acquireBeyondThisContext(KEY, WHAT));
            } catch (SQLException | RuntimeException e) {
                file.close();
                throw e;
            }
        } catch (RunLock.RunLockedException e) {
            throw new CommandFailure(ExitCodes.STOPPED, e.getMessage());
        } catch (IOException | SQLException e) {
            throw new CommandFailure(ExitCodes.STOPPED, "cannot take the lock of the scheduled rotation: " + e);
        }
    }

    @Override
    public void close() {
        try (onThisMachine) {
            acrossMachines.close();
        } catch (Exception e) {
            // the process ends soon after, and the operating system and PostgreSQL drop the locks with it
            log.debug("releasing the scheduled rotation's lock", e);
        }
    }
}
