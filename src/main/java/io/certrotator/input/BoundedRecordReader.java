package io.certrotator.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes the characters of a CSV through and fails as soon as one record (a line, or several where a quoted
 * field holds line breaks) grows past {@code maxChars}, so that a file of one 1 GB line, or a quote that is
 * never closed, costs {@code maxChars} of memory and not the file's size. It follows the RFC 4180 quoting
 * the parser uses: a quote opens a quoted field only as the field's first character, {@code ""} inside one
 * is a quote, and a line starting with {@code #} is a comment.
 */
final class BoundedRecordReader extends FilterReader {

    /** A record longer than the bound; {@code line} is where it starts. */
    static final class RecordTooLongException extends IOException {
        private final long line;

        RecordTooLongException(long line, int maxChars) {
            super("line " + line + ": a record longer than " + maxChars + " characters");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, COMMENT }

    private final int maxChars;
    private State state = State.FIELD_START;
    private boolean lineStart = true;
    private boolean afterCr;
    private long line = 1;
    private long recordLine = 1;
    private int recordChars;

    BoundedRecordReader(Reader in, int maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            see(buffer[i]);
        }
        return read;
    }

    private void see(char c) throws RecordTooLongException {
        boolean lineBreak = c == '\n' || c == '\r';
        if (lineBreak && !(c == '\n' && afterCr)) {
            line++;
        }
        afterCr = c == '\r';
        if (lineBreak && state != State.QUOTED) {
            state = State.FIELD_START;
            lineStart = true;
            recordChars = 0;
            recordLine = line;
            return;
        }
        if (++recordChars > maxChars) {
            throw new RecordTooLongException(recordLine, maxChars);
        }
        state = switch (state) {
            case FIELD_START -> c == '"' ? State.QUOTED : lineStart && c == '#' ? State.COMMENT : after(c);
            case UNQUOTED -> after(c);
            case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? State.QUOTED : after(c);
            case COMMENT -> State.COMMENT;
        };
        lineStart = false;
    }

    private static State after(char c) {
        return c == ',' ? State.FIELD_START : State.UNQUOTED;
    }
}
