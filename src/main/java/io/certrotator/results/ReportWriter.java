package io.certrotator.results;

import io.certrotator.input.Printable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/** Writes the per-row report (SPEC: The results) from the results table, replacing the file at once. */
@Component
public class ReportWriter {

    public static final String[] COLUMNS = {"line", "zone_id", "host", "mode", "cert_ids", "status", "error_code",
            "error_message", "request_id", "attempts", "updated_at", "previous_mode", "previous_cert_ids"};

    private final ResultsRepository results;

    public ReportWriter(ResultsRepository results) {
        this.results = results;
    }

    public void write(long instanceId, Path report) {
        write(report, row -> results.forEachRow(instanceId, row));
    }

    /**
     * Writes the rows {@code source} hands over, in the order it hands them. Formatting runs on a thread of
     * its own, so a source that reads and validates a large file keeps one core and the CSV the other.
     */
    public void write(Path report, Consumer<Consumer<ResultRow>> source) {
        try {
            WholeFile.write(report, writer -> {
                try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
                     BackgroundPrinter printer = new BackgroundPrinter(csv)) {
                    source.accept(printer);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + report.toAbsolutePath() + ": " + e, e);
        }
    }

    private static final class BackgroundPrinter implements Consumer<ResultRow>, AutoCloseable {

        private static final int BATCH = 1_000;
        private static final List<ResultRow> END = List.of();

        private final BlockingQueue<List<ResultRow>> batches = new ArrayBlockingQueue<>(16);
        private final CSVPrinter csv;
        private final Thread thread;
        private List<ResultRow> batch = new ArrayList<>(BATCH);
        private volatile IOException failure;

        BackgroundPrinter(CSVPrinter csv) {
            this.csv = csv;
            this.thread = new Thread(this::printAll, "report-writer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void accept(ResultRow row) {
            batch.add(row);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        @Override
        public void close() throws IOException {
            hand(batch);
            hand(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the report", e);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void hand(List<ResultRow> rows) {
            try {
                batches.put(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the report", e);
            }
        }

        /** After a failure it keeps taking batches, so the source never blocks on a full queue. */
        private void printAll() {
            try {
                for (List<ResultRow> rows = batches.take(); rows != END; rows = batches.take()) {
                    if (failure == null) {
                        print(rows);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void print(List<ResultRow> rows) {
            try {
                for (ResultRow row : rows) {
                    csv.printRecord(row.line(), text(row.zoneId()), text(row.host()), text(row.mode()),
                            text(row.certIds()), row.status(), text(row.errorCode()), text(row.errorMessage()),
                            text(row.requestId()), row.attempts(), row.updatedAt(), text(row.previousMode()),
                            text(row.previousCertIds()));
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        /**
         * A value from the input or an API answer, with its control characters escaped: quoting keeps commas and
         * line breaks in their column, but a NUL or an ESC would still reach whoever opens the report.
         */
        private static String text(String value) {
            return value == null ? null : Printable.escaped(value);
        }
    }
}
