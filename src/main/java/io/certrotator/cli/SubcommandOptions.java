package io.certrotator.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name=value} options of a subcommand that runs in a Spring context ({@code history},
 * {@code report}), plus {@code --help}; Spring Boot's properties pass through as for a rotation.
 */
record SubcommandOptions(Map<String, String> values, boolean help) {

    static SubcommandOptions parse(String[] args, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + arg + "\" (options look like --name=value)");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (RotateOptions.passesThrough(name)) {
                continue;
            }
            if (!names.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (equals < 0 || equals == arg.length() - 1) {
                throw new UsageException("--" + name + " needs a value: --" + name + "=...");
            }
            values.put(name, arg.substring(equals + 1));
        }
        return new SubcommandOptions(Map.copyOf(values), help);
    }

    long number(String name, long fallback, long min) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number of at least " + min + ", got \"" + value
                + "\"");
    }
}
