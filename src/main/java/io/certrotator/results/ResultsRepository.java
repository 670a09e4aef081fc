package io.certrotator.results;

import io.certrotator.input.CertMode;
import io.certrotator.input.HostConflict;
import io.certrotator.input.Target;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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
        long[] accepted = {0};
        jdbc.query("SELECT STATUS, COUNT(*), COUNT(REQUEST_ID) FROM CR_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS",
                rs -> {
                    RowStatus status = RowStatus.valueOf(rs.getString(1));
                    counts.put(status, rs.getLong(2));
                    if (status == RowStatus.PENDING) {
                        accepted[0] = rs.getLong(3);
                    }
                }, instanceId);
        return new StatusCounts(counts, accepted[0]);
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
     * last row of the one before and names the index's columns in ORDER BY, so the database reads CR_ROW_GROUP_ORDER
     * from there instead of sorting what is left (H2 sorts unless the ORDER BY is the index's own). "After" is asked
     * one column at a time ({@link #PENDING_AFTER}): H2 seeks a row-value comparison such as
     * {@code (ZONE_ID, TARGET_KEY, HOST, LINE) > (?, ?, ?, ?)} by its first column alone, so every page would read
     * and drop the zone's rows from its first one on, each fetched from the table (in a zone of a million rows, 500
     * pages of up to a million rows each).
     */
    public void forEachPendingInGroupOrder(long instanceId, Consumer<PendingRow> consumer) {
        PendingRows pendingRows = new PendingRows();
        List<PendingInGroupOrder> page = jdbc.query(PENDING_SELECT + PENDING_ORDER, pendingRows, instanceId);
        PendingInGroupOrder last = null;
        int after = 0;
        while (true) {
            page.forEach(pending -> consumer.accept(pending.row()));
            if (page.size() == PAGE) {
                last = page.get(PAGE - 1);
                after = 0;
            } else if (last == null || after == PENDING_AFTER.size() - 1) {
                return;
            } else {
                // nothing is left that far: the next rows are after the last one's next column
                after++;
            }
            page = jdbc.query(PENDING_SELECT + PENDING_AFTER.get(after) + PENDING_ORDER, pendingRows,
                    last.keyFrom(instanceId, after));
        }
    }

    /** A pending row with its TARGET_KEY as stored, where the next page starts. */
    private record PendingInGroupOrder(PendingRow row, String targetKey) {

        /** The arguments of {@code PENDING_AFTER.get(after)}: the instance and as many of this row's columns. */
        Object[] keyFrom(long instanceId, int after) {
            Object[] key = {instanceId, row.zoneId(), targetKey, row.host(), row.line()};
            return Arrays.copyOf(key, key.length - after);
        }
    }

    /**
     * Where the pending rows after one are, nearest first, each one range of CR_ROW_GROUP_ORDER after an equal
     * prefix: the same host's later lines, the same target's later hosts, the zone's later targets, the later zones.
     */
    private static final List<String> PENDING_AFTER = List.of(
            " AND ZONE_ID = ? AND TARGET_KEY = ? AND HOST = ? AND LINE > ?",
            " AND ZONE_ID = ? AND TARGET_KEY = ? AND HOST > ?",
            " AND ZONE_ID = ? AND TARGET_KEY > ?",
            " AND ZONE_ID > ?");
    private static final String PENDING_ORDER =
            " ORDER BY JOB_INSTANCE_ID, STATUS, ZONE_ID, TARGET_KEY, HOST, LINE LIMIT " + PAGE;
    private static final String PENDING_SELECT = """
            SELECT LINE, ZONE_ID, HOST, MODE, CERT_IDS, TARGET_KEY, ATTEMPTS, REQUEST_ID FROM CR_ROW
            WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING'""";

    /**
     * Maps pending rows read in group order, sharing what a row has in common with the one before: its zone ID and,
     * for the hosts of one target, its certificate IDs; and the mode's own constant. The rotate step holds the rows
     * of the zones under way (up to a hundred thousand, or one zone's): a row then holds little more than its host.
     */
    private static final class PendingRows implements RowMapper<PendingInGroupOrder> {

        private String zoneId = "";
        private String certIdsText;
        private List<String> certIds = List.of();

        @Override
        public PendingInGroupOrder mapRow(ResultSet rs, int rowNumber) throws SQLException {
            String zone = rs.getString(2);
            if (!zone.equals(zoneId)) {
                zoneId = zone;
            }
            String text = rs.getString(5);
            if (!text.equals(certIdsText)) {
                certIdsText = text;
                certIds = text.isEmpty() ? List.of() : List.of(text.split(";"));
            }
            String mode = rs.getString(4);
            return new PendingInGroupOrder(new PendingRow(rs.getLong(1), zoneId, rs.getString(3),
                    CertMode.fromApiValue(mode).map(CertMode::apiValue).orElse(mode), certIds, rs.getInt(7),
                    rs.getString(8)),
                    rs.getString(6));
        }
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

    /**
     * Rows the API accepted, to be read back before they are SUCCEEDED: they stay PENDING with the call's request ID
     * and attempts, so that a run stopped before the read-back leaves them for the next run to read. The progress
     * counts them SUCCEEDED from now on, as the read-back rarely fails one.
     */
    public void recordAccepted(long instanceId, Collection<Long> lines, String requestId, int attempts) {
        Timestamp now = Timestamp.from(Instant.now());
        int[][] updated = jdbc.batchUpdate("""
                UPDATE CR_ROW SET REQUEST_ID = ?, ATTEMPTS = ?, UPDATED_AT = ?
                WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'PENDING'""", new ArrayList<>(lines), PAGE,
                (ps, line) -> {
                    ps.setString(1, requestId);
                    ps.setInt(2, attempts);
                    ps.setTimestamp(3, now);
                    ps.setLong(4, instanceId);
                    ps.setLong(5, line);
                });
        tally.decided(RowStatus.SUCCEEDED, updatedCount(updated));
    }

    /** Accepted rows whose host shows the target when read back: SUCCEEDED, with their call's request ID. */
    public void confirmAccepted(long instanceId, Collection<Long> lines) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                UPDATE CR_ROW SET STATUS = 'SUCCEEDED', UPDATED_AT = ?
                WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'PENDING'""", new ArrayList<>(lines), PAGE,
                (ps, line) -> {
                    ps.setTimestamp(1, now);
                    ps.setLong(2, instanceId);
                    ps.setLong(3, line);
                });
    }

    /** Accepted rows whose host does not show the target when read back: FAILED, keeping their call's request ID. */
    public void failAccepted(long instanceId, Collection<Long> lines, String errorCode, String errorMessage) {
        Timestamp now = Timestamp.from(Instant.now());
        int[][] updated = jdbc.batchUpdate("""
                UPDATE CR_ROW SET STATUS = 'FAILED', ERROR_CODE = ?, ERROR_MESSAGE = ?, UPDATED_AT = ?
                WHERE JOB_INSTANCE_ID = ? AND LINE = ? AND STATUS = 'PENDING'""", new ArrayList<>(lines), PAGE,
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
