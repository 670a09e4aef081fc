package io.certrotator.cli;

import io.certrotator.results.RowStatus;
import io.certrotator.results.RowTally;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Where a run stands: rows by status and how fast rows and calls have been going lately. */
record ProgressFigures(RowTally.Snapshot now, double rowsPerSecond, double callsPerSecond) {

    long done() {
        return now.done();
    }

    long total() {
        return now.rows().total();
    }

    /** Time left at the recent pace, or empty while nothing has been decided yet. */
    Optional<Duration> eta() {
        long pending = now.rows().of(RowStatus.PENDING);
        if (pending == 0) {
            return Optional.of(Duration.ZERO);
        }
        return rowsPerSecond > 0 ? Optional.of(Duration.ofSeconds((long) Math.ceil(pending / rowsPerSecond)))
                : Optional.empty();
    }

    /** {@code 120/300 rows done (118 succeeded, 2 failed, 0 invalid), 180 pending, 19.8 calls/s, ETA 9s}. */
    String describe() {
        var rows = now.rows();
        return String.format(Locale.ROOT, "%d/%d rows done (%d succeeded, %d failed, %d invalid), %d pending, "
                        + "%.1f calls/s, ETA %s", done(), total(), rows.of(RowStatus.SUCCEEDED), rows.of(RowStatus.FAILED),
                rows.of(RowStatus.INVALID), rows.of(RowStatus.PENDING), callsPerSecond,
                eta().map(ProgressFigures::duration).orElse("unknown"));
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
        }
        return s / 3600 + "h" + String.format(Locale.ROOT, "%02dm", s % 3600 / 60);
    }
}
