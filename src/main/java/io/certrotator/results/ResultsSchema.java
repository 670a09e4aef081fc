package io.certrotator.results;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings a results table made by an earlier version up to date, once: schema.sql makes new tables whole, but runs on
 * every start, and an {@code ALTER TABLE} there would lock CR_ROW each time (on PostgreSQL even one that adds nothing),
 * waiting for the runs of other inputs under way. Here the columns are looked for first, and only a table without
 * them is altered ({@code IF NOT EXISTS}: two first starts after an upgrade may both get there).
 */
@Component
public class ResultsSchema {

    public ResultsSchema(JdbcTemplate jdbc) {
        if (!hasPreviousColumns(jdbc)) {
            jdbc.execute("ALTER TABLE CR_ROW ADD COLUMN IF NOT EXISTS PREVIOUS_MODE VARCHAR(64)");
            jdbc.execute("ALTER TABLE CR_ROW ADD COLUMN IF NOT EXISTS PREVIOUS_CERT_IDS VARCHAR(2048)");
        }
    }

    private static boolean hasPreviousColumns(JdbcTemplate jdbc) {
        try {
            jdbc.queryForList("SELECT PREVIOUS_MODE, PREVIOUS_CERT_IDS FROM CR_ROW WHERE 1 = 0");
            return true;
        } catch (DataAccessException missing) {
            return false;
        }
    }
}
