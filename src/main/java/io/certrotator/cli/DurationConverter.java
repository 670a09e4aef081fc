package io.certrotator.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time span on the command line: a whole number of days, hours or minutes ({@code 30d}, {@code 12h}, {@code 90m}),
 * or ISO-8601 ({@code P30D}, {@code PT12H}). It must be longer than zero. picocli names the option when it is refused.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    static final String EXPECTED = "expected a time such as 30d, 12h, 90m or P30D";
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhm])");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException(value + " is not longer than zero");
        }
        return duration;
    }

    private static Duration parse(String text) {
        Matcher matcher = SHORT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "': " + EXPECTED);
        }
    }
}
