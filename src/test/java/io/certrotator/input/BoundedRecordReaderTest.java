package io.certrotator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BoundedRecordReaderTest {

    private static final int BOUND = 10;

    private static String readThrough(String csv) throws IOException {
        try (Reader reader = new BoundedRecordReader(new StringReader(csv), BOUND)) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }

    @Test
    void passesRecordsOfUpToTheBoundUnchanged() throws IOException {
        String csv = "0123456789\n0123456789\r\n\"a\",\"b\"\n";

        assertThat(readThrough(csv)).isEqualTo(csv);
    }

    @Test
    void failsAtTheFirstRecordPastTheBoundNamingItsLine() {
        assertThatThrownBy(() -> readThrough("a\r\nb\rc\n\n01234567890\n"))
                .isInstanceOf(BoundedRecordReader.RecordTooLongException.class)
                .hasMessage("line 5: a record longer than 10 characters");
    }

    @Test
    void countsAQuotedFieldWithLineBreaksAsOneRecord() {
        assertThatThrownBy(() -> readThrough("a\n\"1\n2\n3\n4\n5\"\n"))
                .isInstanceOf(BoundedRecordReader.RecordTooLongException.class)
                .hasMessageStartingWith("line 2:");
    }

    @Test
    void keepsAFieldQuotedAcrossAnEscapedQuote() {
        assertThatThrownBy(() -> readThrough("\"a\"\"\nbcdefghij\"\n"))
                .isInstanceOf(BoundedRecordReader.RecordTooLongException.class)
                .hasMessageStartingWith("line 1:");
    }

    @Test
    void opensNoQuotedFieldAtAQuoteInsideAnUnquotedValue() throws IOException {
        String csv = "a\"b\n0123456789\n0123456789\n";

        assertThat(readThrough(csv)).isEqualTo(csv);
    }

    @Test
    void opensNoQuotedFieldAtAQuoteInAComment() throws IOException {
        String csv = "# \"x\n0123456789\n0123456789\n";

        assertThat(readThrough(csv)).isEqualTo(csv);
    }
}
