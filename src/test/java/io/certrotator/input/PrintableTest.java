package io.certrotator.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void escapesEveryCharacterThatActsInsteadOfShowing() {
        assertThat(Printable.escaped("\0\b\t\n\r\u001B[31m\u007F\u0085\u009B\u2028\u202E\u2066\uFEFF\uD800"))
                .isEqualTo("\\u0000\\u0008\\u0009\\u000A\\u000D\\u001B[31m\\u007F\\u0085\\u009B\\u2028\\u202E\\u2066"
                        + "\\uFEFF\\uD800");
    }

    @Test
    void escapesASupplementaryFormatCharacterAsItsPair() {
        assertThat(Printable.escaped("a\uDB40\uDC01b")).isEqualTo("a\\uDB40\\uDC01b");
    }

    @Test
    void leavesPrintableTextAlone() {
        String text = "Bücher.example, 例子.测试 \"quoted\" \uD83D\uDE00";
        assertThat(Printable.escaped(text)).isEqualTo(text);
    }

    @Test
    void leavesABackslashAloneInTheWholeText() {
        assertThat(Printable.escaped("host \"a\\u0000\"")).isEqualTo("host \"a\\u0000\"");
    }

    @Test
    void doublesABackslashInQuotesSoThatAnEscapeCannotBeTyped() {
        assertThat(Printable.quoted("a\\u001Bb")).isEqualTo("\"a\\\\u001Bb\"");
    }

    @Test
    void quotesAShortValueWhole() {
        assertThat(Printable.quoted("sslcertt")).isEqualTo("\"sslcertt\"");
    }

    @Test
    void escapesAQuoteInsideTheQuotes() {
        assertThat(Printable.quoted("a\"b")).isEqualTo("\"a\\\"b\"");
    }

    @Test
    void quotesSixtyCharactersOfALongValueAndItsLength() {
        assertThat(Printable.quoted("x".repeat(61))).isEqualTo("\"" + "x".repeat(60) + "\"…(61 chars)");
    }

    @Test
    void keepsASurrogatePairTogetherWhereTheQuoteIsCut() {
        String text = "x".repeat(59) + "\uD83D\uDE00" + "y";

        assertThat(Printable.quoted(text)).isEqualTo("\"" + "x".repeat(59) + "\"…(62 chars)");
    }
}
