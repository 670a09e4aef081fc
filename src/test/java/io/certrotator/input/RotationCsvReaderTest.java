package io.certrotator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RotationCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(dir.resolve("rotation.csv"), content);
    }

    private static List<RotationRow> readAll(Path file) {
        List<RotationRow> rows = new ArrayList<>();
        try (RotationCsvReader reader = RotationCsvReader.open(file)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<RotationRow> readAll(String content) throws IOException {
        return readAll(write(content));
    }

    @Test
    void readsTheRowsOfASimpleFile() throws IOException {
        List<RotationRow> rows = readAll("""
                zone_id,host,mode,cert_ids
                zone-2fgd17m17xw,abc.test.com,sslcert,cert-244ffgv7m17xw
                zone-2fgd17m17xw,www.test.com,sslcert,cert-rsa00001;cert-ecc00001
                zone-2fgd17m17xw,shop.test.com,eofreecert,
                """);

        assertThat(rows).containsExactly(
                new RotationRow(2, "zone-2fgd17m17xw", "abc.test.com", "sslcert", List.of("cert-244ffgv7m17xw"), null),
                new RotationRow(3, "zone-2fgd17m17xw", "www.test.com", "sslcert",
                        List.of("cert-rsa00001", "cert-ecc00001"), null),
                new RotationRow(4, "zone-2fgd17m17xw", "shop.test.com", "eofreecert", List.of(), null));
    }

    /** The load step reads this way: its processor normalizes and validates. */
    @Test
    void readGivesTheCellsAsWrittenUncheckedAndNullAfterTheLastRow() throws IOException {
        Path file = write("""
                host,zone_id,extra,cert_ids
                 WWW.Test.com. ,zone_bad,x, cert-b ;cert-a
                """);

        try (RotationCsvReader reader = RotationCsvReader.open(file)) {
            assertThat(reader.read()).isEqualTo(new CsvRow(2, "zone_bad", " WWW.Test.com. ", "", " cert-b ;cert-a"));
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void readsAMessyButValidFileWithPhysicalLineNumbers() throws IOException {
        String csv = "\uFEFF# rotation of 2024-05\r\n"
                + "\r\n"
                + " Cert_IDs , NOTE ,HOST, Zone_ID ,Mode\r\n"
                + "\"cert-rsa1;cert-ecc1\",\"rsa, then ecc\",WWW.Example.COM.,zone-abc123,SSLCERT\r\n"
                + "# the shop\r\n"
                + "\r\n"
                + "cert-shop1,,'shop.example.com',zone-abc123,\r\n"
                + ",free,\"Bücher.Example\",\"zone-abc123\",eofreecert\r\n"
                + "cert-wild1,,*.Example.com,zone-abc123,sslcert";

        List<RotationRow> rows = readAll(write(csv));

        assertThat(rows).containsExactly(
                new RotationRow(4, "zone-abc123", "www.example.com", "sslcert", List.of("cert-rsa1", "cert-ecc1"), null),
                new RotationRow(7, "zone-abc123", "shop.example.com", "sslcert", List.of("cert-shop1"), null),
                new RotationRow(8, "zone-abc123", "xn--bcher-kva.example", "eofreecert", List.of(), null),
                new RotationRow(9, "zone-abc123", "*.example.com", "sslcert", List.of("cert-wild1"), null));
    }

    @Test
    void startsAQuotedFieldThatSpansLinesAtItsFirstLine() throws IOException {
        List<RotationRow> rows = readAll("""
                zone_id,host,mode,cert_ids,note
                zone-a1,a.example.com,,cert-1,"first
                second
                third"
                zone-a1,b.example.com,,cert-1,
                """);

        assertThat(rows).extracting(RotationRow::line).containsExactly(2L, 5L);
    }

    @Test
    void startsAQuotedFieldThatSpansCrlfLinesAtItsFirstLine() throws IOException {
        List<RotationRow> rows = readAll("zone_id,host,cert_ids,note\r\n"
                + "zone-a1,a.example.com,cert-1,\"first\r\nsecond\"\r\n"
                + "\r\n"
                + "zone-a1,b.example.com,cert-1,\r\n");

        assertThat(rows).extracting(RotationRow::line).containsExactly(2L, 5L);
    }

    @Test
    void countsAQuotedLineBreakInsideARowThatIsNotTheLastField() throws IOException {
        List<RotationRow> rows = readAll("""
                zone_id,note,host,cert_ids
                zone-a1,"a
                b",a.example.com,cert-1
                zone-a1,,b.example.com,cert-1
                """);

        assertThat(rows).extracting(RotationRow::line).containsExactly(2L, 4L);
    }

    @Test
    void readsALastRowWithoutALineBreak() throws IOException {
        List<RotationRow> rows = readAll("zone_id,host,cert_ids\nzone-a1,a.example.com,cert-1");

        assertThat(rows).singleElement().extracting(RotationRow::line).isEqualTo(2L);
    }

    @Test
    void skipsARowWhoseFieldsAreAllBlank() throws IOException {
        List<RotationRow> rows = readAll("""
                zone_id,host,mode,cert_ids
                ,,,
                \s\s
                zone-a1,a.example.com,,cert-1
                """);

        assertThat(rows).extracting(RotationRow::line).containsExactly(4L);
    }

    @Test
    void rejectsARowWithFewerCellsThanTheHeaderNamingItsLine() throws IOException {
        Path file = write("""
                zone_id,host,mode,cert_ids
                zone-a1,a.example.com,sslcert,cert-1
                zone-a1,b.example.com
                """);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": line 3 has 2 cells where the header has 4"
                        + " (a comma in a value that is not quoted, or a missing cell?)");
    }

    @Test
    void rejectsARowWithMoreCellsThanTheHeaderNamingItsLine() throws IOException {
        Path file = write("""
                zone_id,host,mode,cert_ids
                zone-a1,a.example.com,sslcert,cert-1,cert-2
                """);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 2 has 5 cells where the header has 4");
    }

    @Test
    void rejectsTheHeaderRepeatedMidFileNamingItsLine() throws IOException {
        Path file = write("""
                zone_id,host,mode,cert_ids
                zone-a1,a.example.com,sslcert,cert-1
                # the second file
                Zone_ID,Host,Mode,Cert_IDs
                zone-a1,b.example.com,sslcert,cert-1
                """);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": line 4 is a header row again (were two files joined?); keep only the first header");
    }

    @Test
    void rejectsAFileWithAUtf16LittleEndianByteOrderMark() throws IOException {
        Path file = write("\uFEFFzone_id,host\n".getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": is UTF-16 (it starts with the byte order mark FF FE); save the file as UTF-8");
    }

    @Test
    void rejectsAFileWithAUtf16BigEndianByteOrderMark() throws IOException {
        Path file = write("\uFEFFzone_id,host\n".getBytes(StandardCharsets.UTF_16BE));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("is UTF-16 (it starts with the byte order mark FE FF)");
    }

    @Test
    void rejectsUtf16WithoutAByteOrderMarkByTheNulsInItsHeader() throws IOException {
        Path file = write("# exported\nzone_id,host\nzone-a1,a.example.com\n".getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": line 2, the header, holds NUL characters: the file looks like UTF-16;"
                        + " save it as UTF-8");
    }

    @Test
    void readsARecordJustUnderTheLengthBound() throws IOException {
        String note = "n".repeat(RotationCsvReader.MAX_RECORD_CHARS - 40);
        List<RotationRow> rows = readAll("zone_id,host,cert_ids,note\nzone-a1,a.example.com,cert-1," + note + "\n");

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.valid()).isTrue());
    }

    @Test
    @Timeout(30) // without the bound it reads on until memory runs out
    void rejectsALineLongerThanTheBoundWithoutReadingTheRestOfTheStream() {
        CountingStream endless = new CountingStream("zone_id,host\nzone-a1,", 'a');

        assertThatThrownBy(() -> {
            try (RotationCsvReader reader = RotationCsvReader.open(dir.resolve("huge.csv"), endless)) {
                reader.forEachRemaining(row -> { });
            }
        }).isInstanceOf(InputFileException.class)
                .hasMessage(dir.resolve("huge.csv") + ": line 2 starts a record longer than 65536 characters"
                        + " (a quote that is never closed, or not a rotation CSV?)");
        assertThat(endless.read).isLessThan(1024 * 1024);
    }

    @Test
    @Timeout(30)
    void rejectsAQuoteNeverClosedOnceItsRecordPassesTheBound() {
        CountingStream endless = new CountingStream("zone_id,host\nzone-a1,a.example.com\nzone-a1,\"b.example.com\n",
                '\n');

        assertThatThrownBy(() -> {
            try (RotationCsvReader reader = RotationCsvReader.open(dir.resolve("open-quote.csv"), endless)) {
                reader.forEachRemaining(row -> { });
            }
        }).isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 3 starts a record longer than 65536 characters");
        assertThat(endless.read).isLessThan(1024 * 1024);
    }

    /** A head, then one character for ever; counts what was read. */
    private static final class CountingStream extends java.io.InputStream {
        private final byte[] head;
        private final int filler;
        long read;

        CountingStream(String head, char filler) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.filler = filler;
        }

        @Override
        public int read() {
            return read < head.length ? head[(int) read++] : fill();
        }

        private int fill() {
            read++;
            return filler;
        }
    }

    @Test
    void marksARowWithANulInACellInvalidAndReadsOn() throws IOException {
        List<RotationRow> rows = readAll("zone_id,host,cert_ids\nzone-a1,a\0.example.com,cert-1\nzone-a1,b.example.com,cert-1\n");

        assertThat(rows).extracting(RotationRow::problem).containsExactly(
                "host \"a\\u0000.example.com\" holds control character U+0000 at position 2", null);
    }

    @Test
    void treatsAnAbsentModeColumnAsSslcert() throws IOException {
        List<RotationRow> rows = readAll("""
                host,zone_id,cert_ids
                a.example.com,zone-a1,cert-1
                """);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.mode()).isEqualTo("sslcert");
            assertThat(row.valid()).isTrue();
        });
    }

    @Test
    void treatsAnAbsentCertIdsColumnAsNoCertificates() throws IOException {
        List<RotationRow> rows = readAll("""
                zone_id,host,mode
                zone-a1,a.example.com,eofreecert
                zone-a1,b.example.com,sslcert
                """);

        assertThat(rows).extracting(RotationRow::problem)
                .containsExactly(null, "mode sslcert needs at least one certificate ID");
    }

    @Test
    void reportsInvalidRowsWithoutStopping() throws IOException {
        List<RotationRow> rows = readAll("""
                zone_id,host,mode,cert_ids
                zone-a1,a.example.com,sslcertt,cert-1
                zone-a1,b.example.com,sslcert,cert-1
                """);

        assertThat(rows).extracting(RotationRow::valid).containsExactly(false, true);
        assertThat(rows.get(0).problemMessage()).isEqualTo("line 2: unknown mode \"sslcertt\"");
    }

    @Test
    void throwsNoSuchElementAfterTheLastRow() throws IOException {
        try (RotationCsvReader reader = RotationCsvReader.open(write("zone_id,host\n"))) {
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void rejectsAMissingFile() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> RotationCsvReader.open(missing))
                .isInstanceOf(InputFileException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void rejectsADirectory() {
        assertThatThrownBy(() -> RotationCsvReader.open(dir))
                .isInstanceOf(InputFileException.class)
                .hasMessage(dir + ": is a directory, not a CSV file");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> RotationCsvReader.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": the file is empty; expected a header row zone_id,host,mode,cert_ids");
    }

    @Test
    void rejectsAFileWithOnlyCommentsAndBlankLines() throws IOException {
        Path file = write("\uFEFF# nothing yet\n\n");

        assertThatThrownBy(() -> RotationCsvReader.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void rejectsAHeaderWithoutTheHostColumn() throws IOException {
        Path file = write("zone_id,Hostname,cert_ids\nzone-a1,a.example.com,cert-1\n");

        assertThatThrownBy(() -> RotationCsvReader.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": missing required column \"host\" (the header has \"zone_id,Hostname,cert_ids\";"
                        + " expected zone_id,host,mode,cert_ids)");
    }

    @Test
    void rejectsAFileWithoutAHeaderRow() throws IOException {
        Path file = write("zone-a1,a.example.com,sslcert,cert-1\n");

        assertThatThrownBy(() -> RotationCsvReader.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("missing required column \"zone_id\"");
    }

    @Test
    void rejectsAColumnNamedTwice() throws IOException {
        Path file = write("zone_id,host,HOST\n");

        assertThatThrownBy(() -> RotationCsvReader.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": column \"host\" appears twice in the header");
    }

    @Test
    void rejectsAFileThatIsNotUtf8AndNamesTheLine() throws IOException {
        byte[] latin1 = "zone_id,host,cert_ids\nzone-a1,a.example.com,cert-1\nzone-a1,b\u00fccher.example,cert-1\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = write(latin1);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": not valid UTF-8 at line 3; save the file as UTF-8");
    }

    @Test
    void namesTheLineOfAnInvalidByteFarIntoALargeFile() throws IOException {
        StringBuilder csv = new StringBuilder("zone_id,host,cert_ids\n");
        for (int line = 2; line < 20_000; line++) {
            csv.append("zone-a1,host").append(line).append(".example.com,cert-1\n");
        }
        csv.append("zone-a1,\u00fc.example.com,cert-1\n");
        Path file = write(csv.toString().getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("not valid UTF-8 at line 20000");
    }

    @Test
    void rejectsAnUnterminatedQuoteNamingTheLineItOpensOn() throws IOException {
        Path file = write("zone_id,host,cert_ids\nzone-a1,a.example.com,cert-1\nzone-a1,\"b.example.com,cert-1\n"
                + "zone-a1,c.example.com,cert-1\n");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": line 3: a quoted field is never closed (a \" without its closing \")");
    }

    @Test
    void rejectsTextAfterAClosingQuoteNamingItsLine() throws IOException {
        Path file = write("zone_id,host,cert_ids\nzone-a1,a.example.com,cert-1\nzone-a1,\"b.example.com\"x,cert-1\n");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": line 3: text after a quoted field's closing \" (a \" inside a quoted field is"
                        + " written twice: \"\")");
    }
}
