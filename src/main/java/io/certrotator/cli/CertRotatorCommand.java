package io.certrotator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line: {@code [rotate] --input=FILE.csv [options]}, or another command by its name ({@code inventory},
 * {@code plan}, ..., the subcommands below).
 * picocli parses it before anything starts, so --help, --version and a usage error answer at once; a command that
 * needs the job repository then starts a Spring context of its own ({@link SpringBootOptions}).
 */
@Command(name = "java -jar cert-rotator.jar",
        subcommands = {RotateCommand.class, InventoryCommand.class, PlanCommand.class, UploadCommand.class,
                DeployCommand.class, RollbackCommand.class, SimulateCommand.class, HistoryCommand.class,
                ReportCommand.class},
        scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        showDefaultValues = true, sortOptions = false, usageHelpWidth = 110)
public final class CertRotatorCommand {

    static final String DEFAULT_COMMAND = "rotate";
    /** A flag's default, in the help: picocli shows none for a boolean. */
    static final String FLAG_DEFAULT = "  Default: off";

    public static int run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    /** @param factory makes the commands: tests hand some in ready-made ({@link GivenCommands}) */
    static int run(IFactory factory, String... args) {
        return execute(commandLine(factory), args);
    }

    /** Without a command's name first, the arguments are a rotation's; a first word that names none is a mistake. */
    static int execute(CommandLine commandLine, String... args) {
        if (args.length > 0 && UnknownCommand.is(commandLine, args[0])) {
            return UnknownCommand.refuse(commandLine, args[0]);
        }
        boolean named = args.length > 0 && commandLine.getSubcommands().containsKey(args[0]);
        return commandLine.execute(named ? args
                : Stream.concat(Stream.of(DEFAULT_COMMAND), Arrays.stream(args)).toArray(String[]::new));
    }

    static CommandLine commandLine(IFactory factory) {
        CommandErrors errors = new CommandErrors();
        CommandLine commandLine = new CommandLine(CertRotatorCommand.class, factory)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // ArgumentChecks refuses an option given twice with different values; the same value twice is fine
                .setOverwrittenOptionsAllowed(true)
                .setExecutionStrategy(new ArgumentChecks())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        // What the commands that start Spring Boot do not know is left for it; ArgumentChecks sees that it is a property
        commandLine.getSubcommands().values().stream()
                .filter(command -> command.getMixins().values().stream().anyMatch(SpringBootOptions.class::isInstance))
                .forEach(command -> command.setUnmatchedArgumentsAllowed(true));
        listOtherCommands(commandLine);
        return commandLine;
    }

    /** The default command's help ends with the other commands, as registered, so that the list cannot fall behind. */
    private static void listOtherCommands(CommandLine commandLine) {
        List<String> others = commandLine.getSubcommands().keySet().stream()
                .filter(name -> !name.equals(DEFAULT_COMMAND)).toList();
        UsageMessageSpec usage = commandLine.getSubcommands().get(DEFAULT_COMMAND).getCommandSpec().usageMessage();
        String line = "Other commands (each with --help): " + String.join(", ", others) + ".";
        usage.footer(Stream.concat(Arrays.stream(usage.footer()), Stream.of(line)).toArray(String[]::new));
    }
}
