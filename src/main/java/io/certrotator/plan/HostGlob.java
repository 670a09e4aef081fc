package io.certrotator.plan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host name pattern of {@code --host}: {@code *} stands for any run of characters (dots included), {@code ?} for
 * one character, everything else for itself; letter case does not count.
 */
public final class HostGlob {

    private final String glob;
    private final Pattern pattern;

    public HostGlob(String glob) {
        this.glob = glob;
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    public boolean matches(String host) {
        return pattern.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
