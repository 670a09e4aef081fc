package io.certrotator.results;

import io.certrotator.input.RotationRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes a chunk of input rows into the results table as one JDBC batch: a valid row PENDING, an invalid one
 * INVALID with its reason; then counts them in the tally that progress reads.
 */
public class RowWriter implements ItemWriter<RotationRow> {

    private final JdbcBatchItemWriter<RotationRow> insert;
    private final RowTally tally;

    RowWriter(JdbcTemplate jdbc, RowTally tally, long instanceId) {
        this.tally = tally;
        this.insert = new JdbcBatchItemWriterBuilder<RotationRow>()
                .namedParametersJdbcTemplate(new NamedParameterJdbcTemplate(jdbc))
                .sql("""
                        INSERT INTO CR_ROW (JOB_INSTANCE_ID, LINE, ZONE_ID, HOST, MODE, CERT_IDS, TARGET_KEY, STATUS,
                                            ERROR_CODE, ERROR_MESSAGE, ATTEMPTS, UPDATED_AT)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .itemPreparedStatementSetter((row, ps) -> {
                    ps.setLong(1, instanceId);
                    ps.setLong(2, row.line());
                    ps.setString(3, ResultsRepository.truncate(row.zoneId(), 512));
                    ps.setString(4, ResultsRepository.truncate(row.host(), 512));
                    ps.setString(5, ResultsRepository.truncate(row.mode(), 64));
                    ps.setString(6, ResultsRepository.truncate(row.certIdsText(), 2048));
                    // an invalid row is never grouped nor compared: it has no target
                    ps.setString(7, row.valid() ? ResultsRepository.truncate(row.target().text(), 2112) : "");
                    ps.setString(8, (row.valid() ? RowStatus.PENDING : RowStatus.INVALID).name());
                    ps.setString(9, row.valid() ? null : ResultsRepository.INVALID_ROW);
                    ps.setString(10, row.valid() ? null : ResultsRepository.truncate(row.problem(), 1024));
                    ps.setTimestamp(11, Timestamp.from(Instant.now()));
                })
                .build();
    }

    @Override
    public void write(Chunk<? extends RotationRow> rows) throws Exception {
        insert.write(rows);
        long valid = rows.getItems().stream().filter(RotationRow::valid).count();
        tally.add(RowStatus.PENDING, valid);
        tally.add(RowStatus.INVALID, rows.size() - valid);
    }
}
