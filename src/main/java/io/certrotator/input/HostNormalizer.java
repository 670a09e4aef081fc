package io.certrotator.input;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a host as written in the CSV into the name EdgeOne knows: trimmed, without leftover surrounding
 * quotes, lower-case, without one trailing dot, international labels in punycode. The result must be a
 * DNS name: at most 253 characters; labels of 1-63 characters of {@code [a-z0-9-]}, not starting or
 * ending with {@code -}; at least two labels besides an optional leading {@code *.} wildcard; and a
 * top-level label that is not all digits (which rules out IP addresses).
 *
 * <p>{@link IDN} implements IDNA 2003, so for example {@code ß} becomes {@code ss}.
 */
public final class HostNormalizer {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String WILDCARD_PREFIX = "*.";

    private HostNormalizer() {
    }

    /** The normalized host, or empty when the text is not a valid DNS name. */
    public static Optional<String> normalize(String raw) {
        String name = stripSurroundingQuotes(raw.trim()).trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        boolean wildcard = name.startsWith(WILDCARD_PREFIX);
        String rest = wildcard ? name.substring(WILDCARD_PREFIX.length()) : name;
        if (!isAscii(rest)) {
            // IDN.toASCII is slow and most names are plain ASCII already, so only international names pay for it
            try {
                rest = IDN.toASCII(rest, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException notAnIdn) {
                return Optional.empty();
            }
        }
        String normalized = wildcard ? WILDCARD_PREFIX + rest : rest;
        if (normalized.length() > MAX_NAME_LENGTH || !isHostname(rest)) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }

    /** Quotes a spreadsheet or a shell left around the name, e.g. {@code 'abc.com'}. */
    private static String stripSurroundingQuotes(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            if ((first == '"' || first == '\'') && text.charAt(text.length() - 1) == first) {
                return text.substring(1, text.length() - 1);
            }
        }
        return text;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Checks a lower-case ASCII name without wildcard, label by label, without allocating. */
    private static boolean isHostname(String name) {
        int labels = 0;
        int labelStart = 0;
        boolean labelAllDigits = true;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int length = i - labelStart;
                if (length < 1 || length > MAX_LABEL_LENGTH
                        || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                labelStart = i + 1;
                if (i < name.length()) {
                    labelAllDigits = true;
                }
                continue;
            }
            char c = name.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!(digit || (c >= 'a' && c <= 'z') || c == '-')) {
                return false;
            }
            labelAllDigits &= digit;
        }
        return labels >= 2 && !labelAllDigits;
    }
}
