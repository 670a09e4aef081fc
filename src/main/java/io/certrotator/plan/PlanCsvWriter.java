package io.certrotator.plan;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes a plan as a rotation CSV that the job runs as it is: the contract's columns {@code zone_id,host,mode,cert_ids}
 * (certificate IDs joined by {@code ;}), then columns for the reader that the CSV reader ignores: what the host carries
 * now, the expiry of what goes and of what comes (ISO-8601, empty when unknown), and the reason the engine may not
 * apply the row. {@code current_mode} and {@code current_cert_ids} are what a rollback puts back.
 */
public final class PlanCsvWriter {

    public static final String[] COLUMNS = {"zone_id", "host", "mode", "cert_ids", "current_mode", "current_cert_ids",
            "current_not_after", "new_not_after", "reason"};
    static final String CERT_ID_SEPARATOR = ";";

    private PlanCsvWriter() {
    }

    /** Writes the header and the rows to {@code out}, flushed but left open. */
    public static void write(List<PlannedRow> rows, Appendable out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
            for (PlannedRow row : rows) {
                csv.printRecord(row.zoneId(), row.host(), row.mode(), String.join(CERT_ID_SEPARATOR, row.newCertIds()),
                        row.currentMode(), String.join(CERT_ID_SEPARATOR, row.currentCertIds()),
                        text(row.currentNotAfter()), text(row.newNotAfter()), row.reason());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan: " + e.getMessage(), e);
        }
    }

    private static String text(Optional<Instant> time) {
        return time.map(Instant::toString).orElse("");
    }
}
