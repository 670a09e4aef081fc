package io.certrotator.input;

import java.io.BufferedReader;
import java.io.IOException;
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
 * Streams the rows of a rotation CSV, one {@link RotationRow} at a time, in constant memory.
 *
 * <p>The file is UTF-8 with or without a BOM, LF or CRLF, RFC 4180 quoting. Blank lines, lines starting
 * with {@code #} and lines whose fields are all blank (such as {@code ,,,} from a spreadsheet) are skipped.
 * The first other line is the header ({@link CsvColumns} has the column rules). A row with fewer fields
 * than the header gets empty values; extra fields are ignored.
 *
 * <p>Problems of a single row end up in {@link RotationRow#problem()}; problems of the file as a whole
 * throw {@link InputFileException}, from {@link #open} or from any later call.
 */
public final class RotationCsvReader implements Iterator<RotationRow>, AutoCloseable {

    private static final char BOM = '\uFEFF';
    private static final int BUFFER_CHARS = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvColumns columns;
    private RotationRow pending;

    private RotationCsvReader(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        CSVRecord header = nextNonBlankRecord();
        if (header == null) {
            throw new InputFileException(file, "the file is empty; expected a header row " + CsvColumns.EXPECTED_HEADER);
        }
        this.columns = CsvColumns.fromHeader(header, file);
    }

    /** Opens the file and reads its header. */
    public static RotationCsvReader open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file, "is a directory, not a CSV file");
        }
        BufferedReader reader = null;
        try {
            reader = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()), BUFFER_CHARS);
            skipBom(reader);
            return new RotationCsvReader(file, FORMAT.parse(reader));
        } catch (IOException e) {
            closeQuietly(reader, e);
            throw fileProblem(file, e);
        } catch (RuntimeException e) {
            closeQuietly(reader, e);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            CSVRecord record = nextNonBlankRecord();
            if (record != null) {
                pending = toRow(record);
            }
        }
        return pending != null;
    }

    @Override
    public RotationRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RotationRow row = pending;
        pending = null;
        return row;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RotationRow toRow(CSVRecord record) {
        return RowValidator.validate(startLine(record),
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
        for (String value : record) {
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

    private static boolean allBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
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
        if (e instanceof CSVException) {
            return new InputFileException(file, "broken CSV quoting: " + e.getMessage(), e);
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
