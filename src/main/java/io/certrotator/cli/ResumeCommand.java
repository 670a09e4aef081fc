package io.certrotator.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The command line the operator ran, shell-quoted so it can be pasted back, with secret values masked. */
final class ResumeCommand {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final List<String> SECRET_NAMES = List.of("password", "secret", "token", "credential");
    static final String MASK = "********";
    static final String LAUNCHER = "cert-rotator.launcher";

    private ResumeCommand() {
    }

    static String of(List<String> args) {
        return Stream.concat(launcher(), args.stream().map(ResumeCommand::masked))
                .map(ResumeCommand::quoted)
                .collect(Collectors.joining(" "));
    }

    /** jobs/rotate.sh as the operator ran it (the wrapper says so, and may start an extracted copy of the jar). */
    private static Stream<String> launcher() {
        String wrapper = System.getProperty(LAUNCHER, "");
        return wrapper.isBlank() ? Stream.of("java", "-jar", jar()) : Stream.of(wrapper);
    }

    /** The jar as the JVM was started with it ({@code java -jar target/cert-rotator.jar}), else its usual name. */
    private static String jar() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.split(" ", 2)[0];
        return first.endsWith(".jar") ? first : "cert-rotator.jar";
    }

    private static String masked(String arg) {
        int equals = arg.indexOf('=');
        if (equals < 0) {
            return arg;
        }
        String name = arg.substring(0, equals).toLowerCase(Locale.ROOT);
        return SECRET_NAMES.stream().anyMatch(name::contains) ? arg.substring(0, equals + 1) + MASK : arg;
    }

    private static String quoted(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
