package io.certrotator.plan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host name pattern of {@code --host}: {@code *} stands for any run of characters (dots included), {@code ?} for
 * one character, everything else for itself; letter case does not count.
 */
public record HostGlob(String glob) {

    public boolean matches(String host) {
        return toRegex().matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    private Pattern toRegex() {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
