package io.certrotator.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesControlCharactersEscapedSoTheReportParsesBackColumnForColumn() throws IOException {
        Path report = dir.resolve("rotation.results.csv");
        ResultRow hostile = new ResultRow(2, "zone-a1\0", "\u001B[31mwww,\"x\"\b.example.com\u202E", "sslcert",
                "cert-1;cert-2", RowStatus.INVALID, "InvalidRow", "line one\r\nline two\u0085", null, 0,
                Instant.parse("2026-12-01T00:00:00Z"));

        new ReportWriter(null).write(report, rows -> rows.accept(hostile));

        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).doesNotContainPattern("[\\p{Cc}\\p{Cf}]");
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(report)) {
            records = CSVFormat.RFC4180.parse(reader).getRecords();
        }
        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record.size()).isEqualTo(ReportWriter.COLUMNS.length));
        assertThat(records.get(1).values()).startsWith("2", "zone-a1\\u0000",
                "\\u001B[31mwww,\"x\"\\u0008.example.com\\u202E", "sslcert", "cert-1;cert-2", "INVALID", "InvalidRow",
                "line one\\u000D\\u000Aline two\\u0085");
    }

    @Test
    void aDeviceIsWrittenInPlaceNotReplacedByAFile() throws Exception {
        Path devNull = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", devNull.toString(), "c", "1", "3").start();
        assumeTrue(mknod.waitFor() == 0, "mknod works here (root)");

        new ReportWriter(null).write(devNull, rows -> rows.accept(new ResultRow(2, "zone-a1", "www.example.com",
                "sslcert", "cert-1", RowStatus.SUCCEEDED, null, null, "req-1", 1, Instant.now())));

        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.size(devNull)).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(devNull);
        }
    }

    @Test
    void thePreviousColumnsComeLastAndAreEmptyForAHostNotRead() throws IOException {
        Path report = dir.resolve("previous.results.csv");
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        ResultRow changed = new ResultRow(2, "zone-a1", "www.example.com", "sslcert", "cert-new", RowStatus.SUCCEEDED,
                null, null, "req-1", 1, at, "sslcert", "cert-rsa;cert-ecc");
        ResultRow notRead = new ResultRow(3, "zone-a1", "x.example.com", "sslcert", "cert-new", RowStatus.INVALID,
                "InvalidRow", "bad", null, 0, at);

        new ReportWriter(null).write(report, rows -> {
            rows.accept(changed);
            rows.accept(notRead);
        });

        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(report)) {
            records = CSVFormat.RFC4180.parse(reader).getRecords();
        }
        assertThat(records.get(0).values()).endsWith("updated_at", "previous_mode", "previous_cert_ids");
        assertThat(records.get(1).values()).endsWith("sslcert", "cert-rsa;cert-ecc");
        assertThat(records.get(2).values()).endsWith("", "");
    }
}
