package io.certrotator.cli;

import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What picocli does not check option by option, checked before the command runs: an option given twice must say
 * the same thing twice (a long cron line where the last of two values silently wins hides a mistake), and the
 * arguments a command leaves to Spring Boot must be Spring Boot properties.
 */
final class ArgumentChecks implements IExecutionStrategy {

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        if (!command.isUsageHelpRequested() && !command.isVersionHelpRequested()) {
            refuseUnknownArguments(command);
            refuseContradictions(command);
        }
        return new RunLast().execute(parseResult);
    }

    private static void refuseUnknownArguments(ParseResult command) {
        List<String> unknown = command.unmatched().stream().filter(arg -> !SpringBootOptions.isProperty(arg)).toList();
        if (!unknown.isEmpty()) {
            throw new UnmatchedArgumentException(command.commandSpec().commandLine(), unknown);
        }
    }

    private static void refuseContradictions(ParseResult command) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (OptionSpec option : command.matchedOptions()) {
            if (!option.isMultiValue()) {
                values.computeIfAbsent(option.longestName(), name -> new LinkedHashSet<>())
                        .addAll(option.originalStringValues());
            }
        }
        for (String property : command.unmatched()) {
            int equals = property.indexOf('=');
            values.computeIfAbsent(equals < 0 ? property : property.substring(0, equals), name -> new LinkedHashSet<>())
                    .add(equals < 0 ? "" : property.substring(equals + 1));
        }
        values.forEach((name, given) -> {
            if (given.size() > 1) {
                throw new ParameterException(command.commandSpec().commandLine(),
                        name + " is given more than once, with different values: " + String.join(", ", given));
            }
        });
    }
}
