package io.certrotator.input;

/**
 * Text from the input (or from an API answer) made safe to show on a terminal, in a log viewer or in the
 * report: every character that is not shown but acts (C0 and C1 controls such as ESC or backspace, DEL,
 * line and paragraph separators, format characters such as the bidi overrides, lone surrogates) is written
 * as a Java-style escape (a backslash, {@code u} and four hex digits: ESC is backslash-{@code u001B}). The one
 * place that decides how input is echoed.
 */
public final class Printable {

    /** How much of a value a message quotes; enough to recognise it, little enough for one line. */
    static final int QUOTED_PREFIX = 60;

    private Printable() {
    }

    /**
     * The whole text, escaped; what the report writes (a backslash stays as it is, so a message that quotes a
     * value keeps the escapes it has).
     */
    public static String escaped(String text) {
        return escape(new StringBuilder(text.length()), text, text.length(), false).toString();
    }

    /**
     * The text in double quotes for a message, escaped, with an inner {@code "} as {@code \"} and a backslash as
     * {@code \\}, so that an escape in the message cannot have been typed in the value; at most
     * {@value #QUOTED_PREFIX} characters of it, then how long it was: {@code "aaaa…"…(10485760 chars)}.
     */
    public static String quoted(String text) {
        int shown = Math.min(text.length(), QUOTED_PREFIX);
        if (shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--; // keeps a pair together
        }
        StringBuilder out = new StringBuilder(shown + 24).append('"');
        escape(out, text, shown, true).append('"');
        if (shown < text.length()) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    private static StringBuilder escape(StringBuilder out, String text, int end, boolean inQuotes) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            int codePoint = text.codePointAt(i);
            int units = Character.charCount(codePoint);
            if (inQuotes && (c == '\\' || c == '"')) {
                out.append('\\').append(c);
            } else if (acts(codePoint)) {
                for (int unit = 0; unit < units; unit++) {
                    out.append(String.format("\\u%04X", (int) text.charAt(i + unit)));
                }
            } else {
                out.append(text, i, i + units);
            }
            i += units - 1;
        }
        return out;
    }

    private static boolean acts(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
