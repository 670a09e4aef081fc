package io.certrotator.job;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryOutageTest {

    @Test
    void aConnectionExceptionHoweverDeepIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                new ConnectException("Connection refused"));

        assertThat(RepositoryOutage.causedBy(new DataAccessResourceFailureException("could not", refused))).isTrue();
    }

    @Test
    void aSessionTheServerEndedIsAnOutage() {
        assertThat(RepositoryOutage.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(RepositoryOutage.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aPoolTimeoutIsAnOutageUnlessItsLastAttemptWasRefusedTheLogin() {
        assertThat(RepositoryOutage.causedBy(new SQLTransientConnectionException("request timed out"))).isTrue();
        assertThat(RepositoryOutage.causedBy(new SQLTransientConnectionException("request timed out",
                new SQLException("password authentication failed for user", "28P01")))).isFalse();
    }

    @Test
    void aWrongPasswordOrAMissingDatabaseIsNoOutage() {
        assertThat(RepositoryOutage.causedBy(new SQLException("password authentication failed", "28P01"))).isFalse();
        assertThat(RepositoryOutage.causedBy(new SQLException("database \"x\" does not exist", "3D000"))).isFalse();
        assertThat(RepositoryOutage.causedBy(new IllegalStateException("no SQL here"))).isFalse();
    }

    @Test
    void theServerIsNamedByHostAndPortWithoutTheDatabaseOrAnyParameter() {
        assertThat(RepositoryOutage.server("jdbc:postgresql://db.example.com:5432/jobs?password=secret"))
                .isEqualTo("db.example.com:5432");
        assertThat(RepositoryOutage.server("jdbc:postgresql://a:5432,b:5433/jobs")).isEqualTo("a:5432,b:5433");
        assertThat(RepositoryOutage.server("jdbc:h2:tcp://h2host:9092/~/jobs")).isEqualTo("h2host:9092");
        assertThat(RepositoryOutage.server("jdbc:h2:file:/var/lib/cr/jobs;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/var/lib/cr/jobs");
    }
}
