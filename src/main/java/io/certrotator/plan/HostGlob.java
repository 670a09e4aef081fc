package io.certrotator.plan;

import io.certrotator.input.HostNormalizer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host name pattern of {@code --host}: {@code *} stands for any run of characters (dots included), {@code ?} for
 * one character, everything else for itself; letter case does not count. An international name may be written in
 * Unicode or in punycode, as in the CSV ({@code straße.example.com} and {@code xn--strae-oqa.example.com} select the
 * same host): the pattern matches a host written as EdgeOne lists it (punycode) or in the Unicode form both have
 * ({@link HostNormalizer#unicodeForm}), which is where a {@code *} or {@code ?} inside an international label
 * matches.
 */
public final class HostGlob {

    private final String glob;
    private final Pattern pattern;
    private final Pattern unicodePattern;

    public HostGlob(String glob) {
        this.glob = glob;
        this.pattern = regex(glob.toLowerCase(Locale.ROOT));
        this.unicodePattern = regex(HostNormalizer.unicodeForm(glob));
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        glob.codePoints().forEach(c -> {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(Character.toString(c)));
            }
        });
        return Pattern.compile(regex.toString());
    }

    public boolean matches(String host) {
        return pattern.matcher(host.toLowerCase(Locale.ROOT)).matches()
                || unicodePattern.matcher(HostNormalizer.unicodeForm(host)).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
