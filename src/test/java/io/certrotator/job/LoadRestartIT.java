package io.certrotator.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load killed or stopped by SIGTERM half-way, in the packaged command's own JVM, and the same command again. The
 * input ends with an invalid row, so the job stops after the load (exit 2) and no API is needed.
 */
class LoadRestartIT {

    static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void aLoadKilledHalfWayGoesOnFromItsLastCommitAndLoadsEveryLineOnce() throws Exception {
        Path input = bigInputEndingWithAnInvalidRow();
        Path home = dir.resolve("home");

        ChildRun killed = ChildRun.start(home, "AKIDloadrestart", "secret", "--input=" + input,
                "--endpoint=http://127.0.0.1:9");
        long loadedAtKill = awaitSomeRowsLoaded(home, killed);
        killed.kill();
        assertThat(loadedAtKill).isBetween(1L, (long) ROWS);

        ChildRun again = ChildRun.start(home, "AKIDloadrestart", "secret", "--input=" + input,
                "--endpoint=http://127.0.0.1:9");

        assertThat(again.exitCode(300)).as(again.out()).isEqualTo(2);
        assertThat(again.out()).contains("recovered run", "line " + (ROWS + 2) + ": host \"bad host\"");
        try (Connection db = repository(home)) {
            assertThat(single(db, "SELECT COUNT(*) FROM CR_ROW")).isEqualTo(ROWS + 1);
            assertThat(single(db, "SELECT COUNT(DISTINCT LINE) FROM CR_ROW")).isEqualTo(ROWS + 1);
            assertThat(single(db, "SELECT COUNT(*) FROM CR_ROW WHERE STATUS = 'INVALID'")).isEqualTo(1);
            List<long[]> loads = loadSteps(db);
            assertThat(loads).hasSize(2);
            assertThat(loads.get(1)[0]).as("the second load's read count").isLessThan(ROWS + 1);
            assertThat(loads.get(0)[1] + loads.get(1)[1]).as("rows written by both loads").isEqualTo(ROWS + 1);
            assertThat(status(db)).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aLoadStoppedBySigtermEndsAtOnceAsStoppedAndTheSameCommandGoesOnLoadingEveryLineOnce() throws Exception {
        Path input = bigInputEndingWithAnInvalidRow();
        Path home = dir.resolve("home");

        ChildRun stopped = ChildRun.start(home, "AKIDloadstop", "secret", "--input=" + input,
                "--endpoint=http://127.0.0.1:9");
        awaitSomeRowsLoaded(home, stopped);
        long signalled = System.nanoTime();
        stopped.terminate();

        assertThat(stopped.exitCode(300)).as(stopped.out()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as(stopped.out()).isLessThan(Duration.ofSeconds(5));
        assertThat(stopped.out()).contains("cert-rotator: SIGTERM: the input load stops now")
                .contains("stopped by SIGTERM during the input's load, after ")
                .doesNotContain("calls in flight").doesNotContain("Exception");
        long loadedAtStop;
        try (Connection db = repository(home)) {
            loadedAtStop = single(db, "SELECT COUNT(*) FROM CR_ROW");
        }
        assertThat(loadedAtStop).isLessThan(ROWS).isPositive();
        assertThat(stopped.out()).contains("after " + loadedAtStop + " rows");
        assertThat(history(home)).as("history after the stop").containsPattern("big\\.csv .* STOPPED +1 ");

        ChildRun again = ChildRun.start(home, "AKIDloadstop", "secret", "--input=" + input,
                "--endpoint=http://127.0.0.1:9");

        assertThat(again.exitCode(300)).as(again.out()).isEqualTo(2);
        assertThat(again.out()).contains("resuming run 1: " + loadedAtStop + " row(s) loaded and still pending; the "
                + "input's load goes on after them").contains("line " + (ROWS + 2) + ": host \"bad host\"");
        try (Connection db = repository(home)) {
            assertThat(single(db, "SELECT COUNT(*) FROM CR_ROW")).isEqualTo(ROWS + 1);
            assertThat(single(db, "SELECT COUNT(DISTINCT LINE) FROM CR_ROW")).isEqualTo(ROWS + 1);
            List<long[]> loads = loadSteps(db);
            assertThat(loads).hasSize(2);
            assertThat(loads.get(1)[0]).as("the second load's read count").isEqualTo(ROWS + 1 - loadedAtStop);
            assertThat(loads.get(0)[1] + loads.get(1)[1]).as("rows written by both loads").isEqualTo(ROWS + 1);
        }
        assertThat(history(home)).as("history after the rerun").containsPattern("big\\.csv .* INVALID_INPUT +2 ");
    }

    /** The run's line in what {@code history} prints. */
    private static String history(Path home) throws InterruptedException {
        ChildRun history = ChildRun.start(home, "AKIDunused", "unused", "history");
        assertThat(history.exitCode(60)).as(history.out()).isZero();
        return history.out().lines().filter(line -> line.contains("big.csv")).findFirst().orElse(history.out());
    }

    private Path bigInputEndingWithAnInvalidRow() throws IOException {
        Path input = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(input)) {
            out.write("zone_id,host,mode,cert_ids\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("zone-load1,h" + i + ".load.example.com,sslcert,cert-load" + i / 100 + "\n");
            }
            out.write("zone-load1,bad host,sslcert,cert-load1\n");
        }
        return input;
    }

    /**
     * Waits for two committed chunks of the load and returns how many rows were loaded then. (H2 writes a commit to
     * its file just after it: a kill right after the first commit may take that one with it.)
     */
    private static long awaitSomeRowsLoaded(Path home, ChildRun run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(home.resolve("jobs.mv.db"))) {
                try (Connection db = repository(home)) {
                    long loaded = single(db, "SELECT COUNT(*) FROM CR_ROW");
                    if (loaded >= 2 * LoadInputConfiguration.CHUNK) {
                        return loaded;
                    }
                } catch (SQLException e) {
                    // the child is creating the schema: ask again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no two chunks loaded in 120 s:\n" + run.out());
    }

    private static Connection repository(Path home) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("jobs") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Per execution of the load step, in order: items read and written. */
    private static List<long[]> loadSteps(Connection db) throws SQLException {
        List<long[]> steps = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("""
                SELECT READ_COUNT, WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadInput'
                ORDER BY STEP_EXECUTION_ID""")) {
            while (rs.next()) {
                steps.add(new long[]{rs.getLong(1), rs.getLong(2)});
            }
        }
        return steps;
    }

    private static String status(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
