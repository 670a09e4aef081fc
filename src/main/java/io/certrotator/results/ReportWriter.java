package io.certrotator.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/** Writes the per-row report (SPEC: The results) from the results table, replacing the file at once. */
@Component
public class ReportWriter {

    public static final String[] COLUMNS = {"line", "zone_id", "host", "mode", "cert_ids", "status", "error_code",
            "error_message", "request_id", "attempts", "updated_at"};

    private final ResultsRepository results;

    public ReportWriter(ResultsRepository results) {
        this.results = results;
    }

    public void write(long instanceId, Path report) {
        write(report, row -> results.forEachRow(instanceId, row));
    }

    /** Writes the rows {@code source} hands over, in the order it hands them. */
    public void write(Path report, Consumer<Consumer<ResultRow>> source) {
        Path target = report.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
                source.accept(row -> print(csv, row));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target + ": " + e.getMessage(), e);
        }
    }

    private static void print(CSVPrinter csv, ResultRow row) {
        try {
            csv.printRecord(row.line(), row.zoneId(), row.host(), row.mode(), row.certIds(), row.status(),
                    row.errorCode(), row.errorMessage(), row.requestId(), row.attempts(), row.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
