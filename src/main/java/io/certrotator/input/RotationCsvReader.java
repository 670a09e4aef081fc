package io.certrotator.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a rotation CSV, one {@link RotationRow} at a time (or one {@link CsvRow}, as written, with
 * {@link #read()}), in constant memory.
 *
 * <p>The file is UTF-8 with or without a BOM, LF or CRLF, RFC 4180 quoting. Blank lines, lines starting
 * with {@code #} and lines whose fields are all blank (such as {@code ,,,} from a spreadsheet) are skipped.
 * The first other line is the header ({@link CsvColumns} has the column rules). Every row has as many
 * cells as the header; a record is at most {@value #MAX_RECORD_CHARS} characters long.
 *
 * <p>Problems of a single row end up in {@link RotationRow#problem()}; problems of the file as a whole
 * throw {@link InputFileException}, from {@link #open} or from any later call.
 */
public final class RotationCsvReader implements Iterator<RotationRow>, AutoCloseable {

    private static final char BOM = '\uFEFF';
    private static final int BUFFER_CHARS = 64 * 1024;
    /** The longest record read: far more than any real row, little enough to hold in memory. */
    static final int MAX_RECORD_CHARS = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvColumns columns;
    private CsvRow pending;

    private RotationCsvReader(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        CSVRecord header = nextNonBlankRecord();
        if (header == null) {
            throw new InputFileException(file, "the file is empty; expected a header row " + CsvColumns.EXPECTED_HEADER);
        }
        if (header.stream().anyMatch(name -> name.indexOf('\0') >= 0)) {
            throw new InputFileException(file, "line " + startLine(header) + ", the header, holds NUL characters:"
                    + " the file looks like UTF-16; save it as UTF-8");
        }
        this.columns = CsvColumns.fromHeader(header, file);
    }

    /** Opens the file and reads its header. */
    public static RotationCsvReader open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file, "is a directory, not a CSV file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw fileProblem(file, e);
        }
        return open(file, in);
    }

    /** Reads the CSV from {@code in}, which it closes; {@code file} is the name messages give it. */
    static RotationCsvReader open(Path file, InputStream in) {
        BufferedReader reader = null;
        try {
            InputStream bytes = refuseUtf16(file, new BufferedInputStream(in));
            reader = new BufferedReader(new BoundedRecordReader(
                    new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()), MAX_RECORD_CHARS), BUFFER_CHARS);
            skipBom(reader);
            return new RotationCsvReader(file, FORMAT.parse(reader));
        } catch (IOException e) {
            closeQuietly(reader == null ? in : reader, e);
            throw fileProblem(file, e);
        } catch (RuntimeException e) {
            closeQuietly(reader == null ? in : reader, e);
            throw e;
        }
    }

    /** A UTF-16 (or UTF-32) byte order mark; without one such a file shows as NULs in the header. */
    private static InputStream refuseUtf16(Path file, BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
            throw new InputFileException(file, String.format("is UTF-16 (it starts with the byte order mark %02X %02X);"
                    + " save the file as UTF-8", first, second));
        }
        return in;
    }

    /**
     * The next row as written, or {@code null} after the last: for a reader that validates the rows itself (the load
     * step's processor); {@link #next()} gives the same row validated.
     */
    public CsvRow read() {
        if (pending != null) {
            CsvRow row = pending;
            pending = null;
            return row;
        }
        CSVRecord record = nextNonBlankRecord();
        return record == null ? null : toRow(record);
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = read();
        }
        return pending != null;
    }

    @Override
    public RotationRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRow row = pending;
        pending = null;
        return RowValidator.validate(row);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRow toRow(CSVRecord record) {
        long line = startLine(record);
        if (CsvColumns.isHeader(record)) {
            throw new InputFileException(file, "line " + line + " is a header row again (were two files joined?);"
                    + " keep only the first header");
        }
        if (record.size() != columns.width()) {
            throw new InputFileException(file, "line " + line + " has " + record.size() + " cells where the header has "
                    + columns.width() + " (a comma in a value that is not quoted, or a missing cell?)");
        }
        return new CsvRow(line,
                CsvColumns.field(record, columns.zoneId()),
                CsvColumns.field(record, columns.host()),
                CsvColumns.field(record, columns.mode()),
                CsvColumns.field(record, columns.certIds()));
    }

    /**
     * The parser counts the line where a record ends; a quoted field that spans lines moves the start back
     * by each line break inside it (CRLF, LF or a lone CR, as the parser counts them).
     */
    private long startLine(CSVRecord record) {
        long breaks = 0;
        for (int field = 0; field < record.size(); field++) {
            String value = record.get(field);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return parser.getCurrentLineNumber() - breaks;
    }

    private CSVRecord nextNonBlankRecord() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!allBlank(record)) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw fileProblem(file, e.getCause());
        }
    }

    /** By index, as all the reads of a record here: its iterator copies its values into a new list, on every row. */
    private static boolean allBlank(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    private static InputFileException fileProblem(Path file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return new InputFileException(file, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputFileException(file, "not readable (permission denied)", e);
        }
        if (e instanceof CharacterCodingException) {
            OptionalLong line = MalformedUtf8.lineOfFirstError(file);
            String where = line.isPresent() ? " at line " + line.getAsLong() : "";
            return new InputFileException(file, "not valid UTF-8" + where + "; save the file as UTF-8", e);
        }
        if (e instanceof BoundedRecordReader.RecordTooLongException tooLong) {
            return new InputFileException(file, "line " + tooLong.line() + " starts a record longer than "
                    + MAX_RECORD_CHARS + " characters (a quote that is never closed, or not a rotation CSV?)", e);
        }
        if (e instanceof CSVException) {
            return new InputFileException(file, BrokenQuoting.describe(e.getMessage()), e);
        }
        return new InputFileException(file, "cannot be read: " + e.getMessage(), e);
    }

    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
