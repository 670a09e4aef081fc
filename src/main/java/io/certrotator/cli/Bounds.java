package io.certrotator.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A number option outside its bounds is a usage error that names the option and the bounds. */
final class Bounds {

    private Bounds() {
    }

    static long check(CommandSpec command, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw outside(command, option, value, "from " + min + " to " + max);
        }
        return value;
    }

    static long atLeast(CommandSpec command, String option, long value, long min) {
        if (value < min) {
            throw outside(command, option, value, "at least " + min);
        }
        return value;
    }

    static double probability(CommandSpec command, String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw outside(command, option, value, "a probability from 0 to 1");
        }
        return value;
    }

    private static ParameterException outside(CommandSpec command, String option, Object value, String allowed) {
        return new ParameterException(command.commandLine(),
                "Invalid value for option '" + option + "': " + value + " is not " + allowed);
    }
}
