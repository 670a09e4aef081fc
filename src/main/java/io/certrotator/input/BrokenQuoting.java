package io.certrotator.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commons CSV's quoting errors in the words of the rest of the input's errors: the line first, then what is wrong
 * and how to mend it, instead of the parser's "(startline 2) EOF reached before encapsulated token finished".
 */
final class BrokenQuoting {

    private static final Pattern NEVER_CLOSED =
            Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached before encapsulated token finished");
    private static final Pattern TEXT_AFTER_QUOTE =
            Pattern.compile("Invalid character between encapsulated token and delimiter at line: ([\\d,]+),.*");

    private BrokenQuoting() {
    }

    static String describe(String parserMessage) {
        Matcher neverClosed = NEVER_CLOSED.matcher(parserMessage);
        if (neverClosed.matches()) {
            return "line " + number(neverClosed) + ": a quoted field is never closed (a \" without its closing \")";
        }
        Matcher textAfterQuote = TEXT_AFTER_QUOTE.matcher(parserMessage);
        if (textAfterQuote.matches()) {
            return "line " + number(textAfterQuote) + ": text after a quoted field's closing \" (a \" inside a"
                    + " quoted field is written twice: \"\")";
        }
        return "broken CSV quoting: " + parserMessage;
    }

    private static String number(Matcher matcher) {
        return matcher.group(1).replace(",", "");
    }
}
