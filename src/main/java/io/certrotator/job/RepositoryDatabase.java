package io.certrotator.job;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job repository's database product, as its JDBC driver names it. */
record RepositoryDatabase(String productName) {

    static RepositoryDatabase of(JdbcTemplate jdbc) {
        return new RepositoryDatabase(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData()
                .getDatabaseProductName()));
    }

    boolean isPostgres() {
        return productName.equals("PostgreSQL");
    }
}
