package io.certrotator.job;

import io.certrotator.engine.StopSignal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Stops the rotation when the job repository stops answering. Without it, a run whose database went away waits on
 * it for as long as it is gone: the shared rate budget is stored there and its pacer waits for it, and no answer
 * could be recorded anyway. A restart or failover that the pool's connection timeout outlasts is not noticed.
 */
final class RepositoryWatch implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(2);
    /** The calls in flight when the database went away: their answers cannot be recorded, their rows stay PENDING. */
    static final Duration DRAIN = Duration.ofSeconds(5);
    /** More than the pool holds: {@code spring.datasource.hikari.maximum-pool-size}. */
    private static final int STALE_CONNECTIONS = 20;

    private final Thread thread;

    private RepositoryWatch(Thread thread) {
        this.thread = thread;
    }

    static RepositoryWatch start(DataSource dataSource, StopSignal stopSignal) {
        String server = RepositoryOutage.server(dataSource);
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(EVERY.toMillis());
                    Optional<SQLException> outage = probe(dataSource);
                    if (outage.isPresent()) {
                        stopSignal.stop("lost the job repository (" + server + "): "
                                + Causes.innermost(outage.get(), t -> false).getMessage(), DRAIN);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the rotation is over
            }
        }, "repository-watch");
        thread.setDaemon(true);
        thread.start();
        return new RepositoryWatch(thread);
    }

    /**
     * The outage a query met, if any. The pool hands out connections whose sessions the server ended (a restart, a
     * failover) before it finds out, and drops each one that fails: the probe goes on through them until it has an
     * answer, or until the pool, out of connections, could open no new one within its connection timeout.
     */
    private static Optional<SQLException> probe(DataSource dataSource) {
        SQLException last = null;
        for (int attempt = 0; attempt < STALE_CONNECTIONS; attempt++) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return Optional.empty();
            } catch (SQLTransientConnectionException e) {
                // without a cause, every connection was busy: the database answers
                return e.getCause() != null && RepositoryOutage.causedBy(e.getCause()) ? Optional.of(e)
                        : Optional.empty();
            } catch (SQLException e) {
                if (!RepositoryOutage.causedBy(e)) {
                    return Optional.empty();
                }
                last = e;
            }
        }
        return Optional.of(last);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
