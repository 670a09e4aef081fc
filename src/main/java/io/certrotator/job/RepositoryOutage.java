package io.certrotator.job;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job repository's database out of reach: not there (refused, host unknown, timed out), or its sessions ended
 * under the run (a stop, a restart, a failover). Not a mistake in what was asked: the same command succeeds once
 * the database is back. A wrong password or database name is a mistake, and is not one of these.
 */
public final class RepositoryOutage {

    /** Everything between {@code //} and the database's path: the host(s) and port(s), never a user or password. */
    private static final Pattern SERVER = Pattern.compile("^jdbc:[a-z0-9]+:(?:[a-z]+:)?//(?:[^/@?]*@)?([^/?;]+)");

    /** What the pool says, with no SQLState, of a connection it closed once the server had ended its session. */
    private static final String CLOSED_BY_POOL = "Connection is closed";
    private static final String CONNECTION_DOES_NOT_EXIST = "08003";

    private RepositoryOutage() {
    }

    /**
     * Whether {@code failure}, or one of its causes, says the database could not be reached or went away. The deepest
     * SQLState decides: a pool's timeout wraps the reason of its last attempt, which may be a refused password.
     */
    public static boolean causedBy(Throwable failure) {
        String sqlState = null;
        boolean poolTimedOut = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            poolTimedOut |= t instanceof SQLTransientConnectionException;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            } else if (t instanceof SQLException sql && CLOSED_BY_POOL.equals(sql.getMessage())) {
                sqlState = CONNECTION_DOES_NOT_EXIST;
            }
        }
        return sqlState == null ? poolTimedOut : isOutage(sqlState);
    }

    /**
     * SQLState class 08 is a connection exception (refused, lost, closed); 57P01 to 57P03 are PostgreSQL's
     * administrator shutdown, crash shutdown and "cannot connect now" (a server starting or stopping).
     */
    private static boolean isOutage(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    /** Where the repository's server is, as {@link #server(String)} names it. */
    public static String server(DataSource dataSource) {
        try {
            return server(dataSource.unwrap(HikariDataSource.class).getJdbcUrl());
        } catch (SQLException e) {
            return "the configured database";
        }
    }

    /** Where the repository's server is, as {@code host:port}, from its JDBC URL; the URL itself for a file. */
    public static String server(String jdbcUrl) {
        Matcher server = SERVER.matcher(jdbcUrl);
        return server.find() ? server.group(1) : jdbcUrl.replaceFirst("[;?].*", "");
    }
}
