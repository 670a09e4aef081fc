package io.certrotator.job;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One live run per job instance across machines, when the job repository is PostgreSQL: a session-level
 * advisory lock held on a connection of its own for as long as the run lasts. PostgreSQL drops it when that
 * session ends however the process ends (its connection closes with it), so, like the {@link RunLock} on one
 * machine, a lock that can be taken proves the previous owner is gone. On any other database it does nothing:
 * an embedded H2 file serves one machine, where the file lock suffices.
 */
@Component
public class RepositoryRunLock {

    private static final String HOLDER = """
            SELECT a.application_name, a.client_addr, a.backend_start FROM pg_locks l
            JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?
              AND l.objsubid = 1""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    RepositoryRunLock(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Takes the lock of the instance {@code key} names, or throws {@link RunLock.RunLockedException}. */
    public AutoCloseable acquire(String key) throws SQLException {
        if (!RepositoryDatabase.of(jdbc).isPostgres()) {
            return () -> {
            };
        }
        return acquire(key, RunLock.INPUT_RUN, dataSource.getConnection());
    }

    /**
     * As {@link #acquire(String)}, for {@code what} ("another WHAT is in progress"), held on a connection opened
     * outside the pool: the lock outlasts this Spring context (the scheduled rotation plans in one context and
     * rotates in the next) until the process closes it or ends.
     */
    public AutoCloseable acquireBeyondThisContext(String key, String what) throws SQLException {
        if (!RepositoryDatabase.of(jdbc).isPostgres()) {
            return () -> {
            };
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties login = new Properties();
        login.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            login.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            login.setProperty("password", pool.getPassword());
        }
        return acquire(key, what, DriverManager.getConnection(pool.getJdbcUrl(), login));
    }

    private AutoCloseable acquire(String key, String what, Connection connection) throws SQLException {
        long lockKey = lockKey(key);
        try {
            if (!tryLock(connection, lockKey)) {
                throw new RunLock.RunLockedException("another " + what + " is in progress (" + holder(connection,
                        lockKey) + ", PostgreSQL advisory lock " + lockKey + "); it must finish first");
            }
            try (PreparedStatement name = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                name.setString(1, "cert-rotator " + RunLock.owner());
                name.execute();
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try (connection; PreparedStatement unlock = connection.prepareStatement(
                    "SELECT pg_advisory_unlock(?), set_config('application_name', '', false)")) {
                unlock.setLong(1, lockKey);
                unlock.execute();
            } catch (SQLException e) {
                // a session the server ended (a restart, a failover) took its lock with it
                if (!RepositoryOutage.causedBy(e)) {
                    throw e;
                }
            }
        };
    }

    private static String holder(Connection connection, long lockKey) throws SQLException {
        try (PreparedStatement holder = connection.prepareStatement(HOLDER)) {
            holder.setLong(1, lockKey >>> 32);
            holder.setLong(2, lockKey & 0xFFFFFFFFL);
            try (ResultSet rs = holder.executeQuery()) {
                return rs.next() ? rs.getString(1) + " from " + rs.getString(2) + ", connected since "
                        + rs.getTimestamp(3).toInstant() : "a session that has just ended";
            }
        }
    }

    private static boolean tryLock(Connection connection, long lockKey) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A stable 64-bit key for the instance: the first 8 bytes of the SHA-256 of its name. */
    static long lockKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("cert-rotator:" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
