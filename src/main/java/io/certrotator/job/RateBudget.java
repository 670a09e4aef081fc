package io.certrotator.job;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Where a run's pacer takes its tokens from. On a PostgreSQL job repository every runner signing with the
 * same SecretId shares one bucket stored there, so N runners together stay under the rate; on any other
 * database the bucket is local to the run.
 */
@Component
public class RateBudget {

    static final String TABLE = "CR_RATE_BUCKET";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RateBudget(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * A pacer for the calls of one action signed by {@code access}: the API limits each action on its own. The key
     * names the SecretId, never the secret key.
     */
    public CallPacer pacer(ApiAccess access, String action, int rate) {
        if (!RepositoryDatabase.of(jdbc).isPostgres()) {
            return CallPacer.local(rate);
        }
        createTableIfAbsent();
        var buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .build();
        String key = "teo:" + access.credential().getSecretId();
        return CallPacer.shared(buckets, action.equals(ModifyHostsCertificate.ACTION) ? key : key + ":" + action, rate);
    }

    /** Serialized by a transaction lock: two runners creating the table at once would otherwise collide. */
    private void createTableIfAbsent() {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('" + TABLE + "'))", Object.class);
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id VARCHAR(256) PRIMARY KEY, state BYTEA, expires_at BIGINT)");
        });
    }
}
