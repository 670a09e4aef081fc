package io.certrotator.results;

import io.certrotator.input.RotationRow;
import io.certrotator.input.HostConflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The results table: one row per input line and job instance. Rows are read in pages by key
 * (never all at once) so a million-row input streams through on any database.
 */
@Repository
public class ResultsRepository {

    public static final String INVALID_ROW = "InvalidRow";
    private static final int PAGE = 2_000;

    private final JdbcTemplate jdbc;
    private final RowTally tally;

    public ResultsRepository(JdbcTemplate jdbc, RowTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    public void deleteRows(long instanceId) {
        jdbc.update("DELETE FROM CR_ROW WHERE JOB_INSTANCE_ID = ?", instanceId);
        tally.startFrom(new StatusCounts(Map.of()));
    }

    public void insert(long instanceId, List<RotationRow> rows) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                INSERT INTO CR_ROW (JOB_INSTANCE_ID, LINE, ZONE_ID, HOST, MODE, CERT_IDS, TARGET_KEY, STATUS,
                                    ERROR_CODE, ERROR_MESSAGE, ATTEMPTS, UPDATED_AT)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", rows, rows.size(), (ps, row) -> {
            ps.setLong(1, instanceId);
            ps.setLong(2, row.line());
            ps.setString(3, truncate(row.zoneId(), 512));
            ps.setString(4, truncate(row.host(), 512));
            ps.setString(5, truncate(row.mode(), 64));
            ps.setString(6, truncate(row.certIdsText(), 2048));
            ps.setString(7, truncate(row.targetKey(), 2112));
            ps.setString(8, (row.valid() ? RowStatus.PENDING : RowStatus.INVALID).name());
            ps.setString(9, row.valid() ? null : INVALID_ROW);
            ps.setString(10, row.valid() ? null : truncate(row.problem(), 1024));
            ps.setTimestamp(11, now);
        });
        long valid = rows.stream().filter(RotationRow::valid).count();
        tally.add(RowStatus.PENDING, valid);
        tally.add(RowStatus.INVALID, rows.size() - valid);
    }

    /** Every row of a host listed with different targets becomes INVALID, pointing at the other line. */
    public void markInvalid(long instanceId, List<HostConflict> conflicts) {
        Timestamp now = Timestamp.from(Instant.now());
        for (HostConflict conflict : conflicts) {
            List<Object[]> updates = jdbc.query("""
                    SELECT LINE, TARGET_KEY FROM CR_ROW
                    WHERE JOB_INSTANCE_ID = ? AND ZONE_ID = ? AND HOST = ? AND STATUS = 'PENDING'""",
                    (rs, i) -> new Object[]{INVALID_ROW, conflict.problemFor(rs.getString(2)), now, instanceId,
                            rs.getLong(1)},
                    instanceId, conflict.zoneId(), conflict.host());
            jdbc.batchUpdate("""
                    UPDATE CR_ROW SET STATUS = 'INVALID', ERROR_CODE = ?, ERROR_MESSAGE = ?, UPDATED_AT = ?
                    WHERE JOB_INSTANCE_ID = ? AND LINE = ?""", updates);
            tally.move(RowStatus.PENDING, RowStatus.INVALID, updates.size());
        }
    }

    public StatusCounts countByStatus(long instanceId) {
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        jdbc.query("SELECT STATUS, COUNT(*) FROM CR_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS",
                rs -> {
                    counts.put(RowStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, instanceId);
        return new StatusCounts(counts);
    }

    /** Error codes of FAILED and INVALID rows with how many rows carry each, most frequent first. */
    public Map<String, Long> unsuccessfulByErrorCode(long instanceId) {
        Map<String, Long> byCode = new java.util.LinkedHashMap<>();
        jdbc.query("""
                SELECT ERROR_CODE, COUNT(*) FROM CR_ROW
                WHERE JOB_INSTANCE_ID = ? AND STATUS IN ('FAILED', 'INVALID')
                GROUP BY ERROR_CODE ORDER BY COUNT(*) DESC, ERROR_CODE""",
                rs -> {
                    byCode.put(rs.getString(1), rs.getLong(2));
                }, instanceId);
        return byCode;
    }

    /** INVALID rows in line order as {@code line N: reason}, at most {@code limit} of them. */
    public List<String> invalidRows(long instanceId, int limit) {
        return jdbc.query("""
                SELECT LINE, ERROR_MESSAGE FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'INVALID'
                ORDER BY LINE LIMIT """ + " " + limit,
                (rs, i) -> "line " + rs.getLong(1) + ": " + rs.getString(2), instanceId);
    }

    /** Pending rows ordered by zone, target and host: the order host groups are formed in. */
    public void forEachPendingInGroupOrder(long instanceId, Consumer<PendingRow> consumer) {
        PendingRow last = null;
        while (true) {
            List<PendingRow> page = last == null
                    ? jdbc.query(PENDING_SELECT + " ORDER BY ZONE_ID, TARGET_KEY, HOST, LINE LIMIT " + PAGE,
                    ResultsRepository::pendingRow, instanceId)
                    : jdbc.query(PENDING_SELECT + """
                             AND (ZONE_ID > ? OR (ZONE_ID = ? AND (TARGET_KEY > ? OR (TARGET_KEY = ?
                                  AND (HOST > ? OR (HOST = ? AND LINE > ?))))))
                            ORDER BY ZONE_ID, TARGET_KEY, HOST, LINE LIMIT """ + " " + PAGE,
                    ResultsRepository::pendingRow, instanceId, last.zoneId(), last.zoneId(), last.targetKey(),
                    last.targetKey(), last.host(), last.host(), last.line());
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }

    private static final String PENDING_SELECT = """
            SELECT LINE, ZONE_ID, HOST, MODE, CERT_IDS, TARGET_KEY, ATTEMPTS FROM CR_ROW
            WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING'""";

    private static PendingRow pendingRow(ResultSet rs, int i) throws SQLException {
        String certIds = rs.getString(5);
        return new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                certIds.isEmpty() ? List.of() : Arrays.asList(certIds.split(";")), rs.getString(6), rs.getInt(7));
    }

    /** Records a call's outcome on rows still PENDING; a row already decided is never decided again. */
    public void recordOutcome(long instanceId, Collection<Long> lines, RowOutcome outcome) {
        Timestamp now = Timestamp.from(Instant.now());
        int[][] updated = jdbc.batchUpdate("""
                UPDATE CR_ROW SET STATUS = ?, ERROR_CODE = ?, ERROR_MESSAGE = ?, REQUEST_ID = ?, ATTEMPTS = ?,
                                  UPDATED_AT = ?
                WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'PENDING'""", new ArrayList<>(lines), PAGE,
                (ps, line) -> {
                    ps.setString(1, outcome.status().name());
                    ps.setString(2, outcome.errorCode());
                    ps.setString(3, truncate(outcome.errorMessage(), 1024));
                    ps.setString(4, outcome.requestId());
                    ps.setInt(5, outcome.attempts());
                    ps.setTimestamp(6, now);
                    ps.setLong(7, instanceId);
                    ps.setLong(8, line);
                });
        tally.decided(outcome.status(), updatedCount(updated));
    }

    private static long updatedCount(int[][] updated) {
        return Arrays.stream(updated).flatMapToInt(Arrays::stream)
                .mapToLong(count -> count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0)).sum();
    }

    /** SUCCEEDED rows that turn out not to be: FAILED, keeping the request ID and attempts of their call. */
    public void failSucceeded(long instanceId, Collection<Long> lines, String errorCode, String errorMessage) {
        Timestamp now = Timestamp.from(Instant.now());
        int[][] updated = jdbc.batchUpdate("""
                UPDATE CR_ROW SET STATUS = 'FAILED', ERROR_CODE = ?, ERROR_MESSAGE = ?, UPDATED_AT = ?
                WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'SUCCEEDED'""", new ArrayList<>(lines), PAGE,
                (ps, line) -> {
                    ps.setString(1, errorCode);
                    ps.setString(2, truncate(errorMessage, 1024));
                    ps.setTimestamp(3, now);
                    ps.setLong(4, instanceId);
                    ps.setLong(5, line);
                });
        tally.move(RowStatus.SUCCEEDED, RowStatus.FAILED, updatedCount(updated));
    }

    /** Calls made for rows that stay PENDING (the run stopped before they were decided). */
    public void recordAttempts(long instanceId, Collection<Long> lines, int attempts) {
        jdbc.batchUpdate("UPDATE CR_ROW SET ATTEMPTS = ? WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'PENDING'",
                new ArrayList<>(lines), PAGE, (ps, line) -> {
                    ps.setInt(1, attempts);
                    ps.setLong(2, instanceId);
                    ps.setLong(3, line);
                });
    }

    /** Every row in line order, for the report. */
    public void forEachRow(long instanceId, Consumer<ResultRow> consumer) {
        long after = -1;
        while (true) {
            List<ResultRow> page = jdbc.query("""
                    SELECT LINE, ZONE_ID, HOST, MODE, CERT_IDS, STATUS, ERROR_CODE, ERROR_MESSAGE, REQUEST_ID,
                           ATTEMPTS, UPDATED_AT
                    FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND LINE > ? ORDER BY LINE LIMIT """ + " " + PAGE,
                    (rs, i) -> new ResultRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), RowStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getInt(10), rs.getTimestamp(11).toInstant()),
                    instanceId, after);
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).line();
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
