package io.certrotator.input;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Turns a host as written in the CSV into the name EdgeOne knows: trimmed, without leftover surrounding
 * quotes, lower-case, without one trailing dot, international labels in punycode. The result must be a
 * DNS name: at most 253 characters; labels of 1-63 characters of {@code [a-z0-9-]}, not starting or
 * ending with {@code -}; at least two labels besides an optional leading {@code *.} wildcard; and a
 * top-level label that is not all digits (which rules out IP addresses).
 *
 * <p>International names follow UTS #46 with non-transitional processing (IDNA2008, as browsers do): {@code ß}
 * stays {@code ß} ({@code straße.de} is {@code xn--strae-oqa.de}, not {@code strasse.de}), the bidi and
 * CONTEXTJ/CONTEXTO rules apply, and a {@code xn--} label written as is must decode to a valid label.
 */
public final class HostNormalizer {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String WILDCARD_PREFIX = "*.";
    private static final String ACE_PREFIX = "xn--";
    private static final String NOT_A_DNS_NAME = "is not a valid DNS name";
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);

    /** For {@link #unicodeForm}: no STD3 rules, so the {@code *} and {@code ?} of a pattern pass as they are. */
    private static final IDNA UTS46_PATTERN = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE);

    private HostNormalizer() {
    }

    /**
     * A host, or a pattern of hosts such as {@code *.straße.de}, in the Unicode form UTS #46 gives it, label by label
     * (the same non-transitional processing as {@link #check}): lower-case and mapped ({@code STRAẞE} is
     * {@code straße}), and a {@code xn--} label decoded ({@code xn--strae-oqa} is {@code straße}). So a name and its
     * punycode have one form to compare. A label UTS #46 refuses is only lower-cased.
     */
    public static String unicodeForm(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (isAscii(lower) && !hasAceLabel(lower)) {
            return lower;
        }
        StringJoiner form = new StringJoiner(".");
        for (String label : lower.split("\\.", -1)) {
            IDNA.Info info = new IDNA.Info();
            StringBuilder unicode = UTS46_PATTERN.labelToUnicode(label, new StringBuilder(), info);
            form.add(info.hasErrors() ? label : unicode);
        }
        return form.toString();
    }

    /**
     * A host as written, normalized, or why it is not a host name.
     *
     * @param name    the normalized name; {@code null} when {@code problem} is set
     * @param problem what is wrong, to follow the quoted host: {@code is not a valid DNS name}
     */
    public record Result(String name, String problem) {

        static Result of(String name) {
            return new Result(name, null);
        }

        static Result rejected(String problem) {
            return new Result(null, problem);
        }

        public boolean valid() {
            return problem == null;
        }
    }

    /** The normalized host, or empty when the text is not a valid DNS name. */
    public static Optional<String> normalize(String raw) {
        return Optional.ofNullable(check(raw).name());
    }

    /** The normalized host, or why the text is not a valid DNS name. */
    public static Result check(String raw) {
        String name = stripSurroundingQuotes(raw.trim()).trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        boolean wildcard = name.startsWith(WILDCARD_PREFIX);
        String rest = wildcard ? name.substring(WILDCARD_PREFIX.length()) : name;
        if (!isAscii(rest) || hasAceLabel(rest)) {
            // UTS #46 is slow and most names are plain ASCII already, so only international names pay for it
            IDNA.Info info = new IDNA.Info();
            StringBuilder ascii = UTS46.nameToASCII(rest, new StringBuilder(rest.length() + 16), info);
            if (info.hasErrors()) {
                return Result.rejected("is not a valid international name (UTS #46: " + info.getErrors().stream()
                        .map(Enum::name).sorted().collect(Collectors.joining(", ")) + ")");
            }
            rest = ascii.toString();
        }
        String normalized = wildcard ? WILDCARD_PREFIX + rest : rest;
        if (normalized.length() > MAX_NAME_LENGTH || !isHostname(rest)) {
            return Result.rejected(NOT_A_DNS_NAME);
        }
        return Result.of(normalized);
    }

    private static boolean hasAceLabel(String name) {
        return name.startsWith(ACE_PREFIX) || name.contains("." + ACE_PREFIX);
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
