package io.certrotator.results;

import io.certrotator.input.HostConflict;
import io.certrotator.input.Target;
import org.springframework.context.annotation.DependsOn;
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
@DependsOn("resultsSchema")
public class ResultsRepository {

    public static final String INVALID_ROW = "InvalidRow";
    private static final int PAGE = 2_000;

    private final JdbcTemplate jdbc;
    private final RowTally tally;

    public ResultsRepository(JdbcTemplate jdbc, RowTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** A writer of input rows into this instance's rows, for the load step. */
    public RowWriter rowWriter(long instanceId) {
        return new RowWriter(jdbc, tally, instanceId);
    }

    /**
     * Every PENDING row of a host listed with different targets becomes INVALID, pointing at a line that wants
     * something else. One grouping query finds the hosts; it groups by all of CR_ROW_HOST_TARGET's leading columns,
     * so H2 reads that index in order holding one group at a time (grouping by zone and host alone, it hashes every
     * host in memory: 1,000,000 hosts did not fit in 100 MB). Only the conflicting hosts' rows are read.
     */
    public void markConflictingHosts(long instanceId) {
        List<String[]> hosts = jdbc.query("""
                SELECT ZONE_ID, HOST FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING'
                GROUP BY JOB_INSTANCE_ID, STATUS, ZONE_ID, HOST HAVING MIN(TARGET_KEY) <> MAX(TARGET_KEY)""",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, instanceId);
        Timestamp now = Timestamp.from(Instant.now());
        for (String[] host : hosts) {
            List<Long> lines = new ArrayList<>();
            List<Target> targets = new ArrayList<>();
            jdbc.query("""
                    SELECT LINE, TARGET_KEY FROM CR_ROW
                    WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING' AND ZONE_ID = ? AND HOST = ? ORDER BY LINE""",
                    rs -> {
                        lines.add(rs.getLong(1));
                        targets.add(Target.parse(rs.getString(2)));
                    }, instanceId, host[0], host[1]);
            HostConflict conflict = conflict(host[0], host[1], lines, targets);
            List<Object[]> updates = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                updates.add(new Object[]{INVALID_ROW, conflict.problemFor(targets.get(i)), now, instanceId,
                        lines.get(i)});
            }
            jdbc.batchUpdate("""
                    UPDATE CR_ROW SET STATUS = 'INVALID', ERROR_CODE = ?, ERROR_MESSAGE = ?, UPDATED_AT = ?
                    WHERE JOB_INSTANCE_ID = ? AND LINE = ?""", updates);
            tally.move(RowStatus.PENDING, RowStatus.INVALID, updates.size());
        }
    }

    /** The conflict of a host's rows (in line order, at least two targets among them). */
    private static HostConflict conflict(String zoneId, String host, List<Long> lines, List<Target> targets) {
        Target firstTarget = targets.get(0);
        int different = 1;
        while (targets.get(different).equals(firstTarget)) {
            different++;
        }
        return new HostConflict(zoneId, host, lines.get(0), firstTarget, lines.get(different));
    }

    /** Whether any row of the instance is INVALID. */
    public boolean hasInvalidRows(long instanceId) {
        return !jdbc.queryForList("SELECT LINE FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'INVALID' LIMIT 1",
                Long.class, instanceId).isEmpty();
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

    /** The zones with pending rows, in the order {@link #forEachPendingInGroupOrder} reaches them. */
    public List<String> pendingZoneIds(long instanceId) {
        return jdbc.queryForList("SELECT DISTINCT ZONE_ID FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING'"
                + " ORDER BY ZONE_ID", String.class, instanceId);
    }

    /**
     * Pending rows ordered by zone, target and host: the order host groups are formed in. Each page starts after the
     * last row of the one before, and names the index's columns in ORDER BY, so the database reads CR_ROW_GROUP_ORDER
     * from there instead of sorting what is left (H2 sorts unless the ORDER BY is the index's own).
     */
    public void forEachPendingInGroupOrder(long instanceId, Consumer<PendingRow> consumer) {
        PendingInGroupOrder last = null;
        while (true) {
            List<PendingInGroupOrder> page = last == null
                    ? jdbc.query(PENDING_SELECT + PENDING_ORDER, ResultsRepository::pendingRow, instanceId)
                    : jdbc.query(PENDING_SELECT + " AND (ZONE_ID, TARGET_KEY, HOST, LINE) > (?, ?, ?, ?)"
                            + PENDING_ORDER, ResultsRepository::pendingRow, instanceId, last.row().zoneId(),
                    last.targetKey(), last.row().host(), last.row().line());
            page.forEach(pending -> consumer.accept(pending.row()));
            if (page.size() < PAGE) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }

    /** A pending row with its TARGET_KEY as stored, where the next page starts. */
    private record PendingInGroupOrder(PendingRow row, String targetKey) {
    }

    private static final String PENDING_ORDER =
            " ORDER BY JOB_INSTANCE_ID, STATUS, ZONE_ID, TARGET_KEY, HOST, LINE LIMIT " + PAGE;
    private static final String PENDING_SELECT = """
            SELECT LINE, ZONE_ID, HOST, MODE, CERT_IDS, TARGET_KEY, ATTEMPTS FROM CR_ROW
            WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING'""";

    private static PendingInGroupOrder pendingRow(ResultSet rs, int i) throws SQLException {
        String certIds = rs.getString(5);
        return new PendingInGroupOrder(new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                certIds.isEmpty() ? List.of() : Arrays.asList(certIds.split(";")), rs.getInt(7)), rs.getString(6));
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

    /** What the live read found on the hosts of rows still PENDING, before anything is sent for them. */
    public void recordPrevious(long instanceId, Collection<PreviousState> previous) {
        jdbc.batchUpdate("""
                UPDATE CR_ROW SET PREVIOUS_MODE = ?, PREVIOUS_CERT_IDS = ?
                WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'PENDING'""", new ArrayList<>(previous), PAGE,
                (ps, state) -> {
                    ps.setString(1, truncate(state.mode(), 64));
                    ps.setString(2, truncate(state.certIds(), 2048));
                    ps.setLong(3, instanceId);
                    ps.setLong(4, state.line());
                });
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

    /** Every row in line order, for the report: the primary key's order, so each page is read, not sorted. */
    public void forEachRow(long instanceId, Consumer<ResultRow> consumer) {
        long after = -1;
        while (true) {
            List<ResultRow> page = jdbc.query("""
                    SELECT LINE, ZONE_ID, HOST, MODE, CERT_IDS, STATUS, ERROR_CODE, ERROR_MESSAGE, REQUEST_ID,
                           ATTEMPTS, UPDATED_AT, PREVIOUS_MODE, PREVIOUS_CERT_IDS
                    FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND LINE > ? ORDER BY JOB_INSTANCE_ID, LINE LIMIT """
                    + " " + PAGE,
                    (rs, i) -> new ResultRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), RowStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getInt(10), rs.getTimestamp(11).toInstant(), rs.getString(12),
                            rs.getString(13)),
                    instanceId, after);
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).line();
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
