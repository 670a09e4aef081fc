package io.certrotator.cli;

import io.certrotator.config.CertRotatorProperties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;

/**
 * What the commands that run in a Spring context (rotate, history, report) take besides their own options:
 * Spring Boot's properties, passed through to it as they are, and {@code --log-format}.
 */
final class SpringBootOptions {

    static final String PROPERTIES_HEADING = "%nSpring Boot properties pass through, as --NAME=VALUE (default in brackets):%n";
    static final String REPOSITORY = "  --spring.datasource.url=URL       the job repository [H2 file under the home]";
    static final String HOME = "  --cert-rotator.home=DIR           the default H2 repository and the run locks"
            + " [~/.cert-rotator]";
    static final String DEPLOY_HOME = "  --cert-rotator.home=DIR           the H2 repository, the run locks and the plans"
            + " (deploy/) [~/.cert-rotator]";
    static final String PROGRESS_INTERVAL = "  --cert-rotator.progress-interval=D  time between progress log lines ["
            + CertRotatorProperties.PROGRESS_INTERVAL + "]";
    static final String TUNING = "  --cert-rotator.concurrency=N, --cert-rotator.retry.max-attempts=N, ... (README: Tuning)";
    static final String LOGGING = "  --logging.level.io.certrotator=LEVEL, --logging.file.name=FILE, --debug, --trace,"
            + " any other";

    private static final List<String> PREFIXES = List.of("--spring.", "--logging.", "--cert-rotator.");
    private static final List<String> FLAGS = List.of("--debug", "--trace");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--log-format", order = 50, paramLabel = "text|json",
            description = "json: Spring Boot's structured (ECS) log lines, for log shippers")
    private LogFormat logFormat = LogFormat.TEXT;

    LogFormat logFormat() {
        return logFormat;
    }

    static boolean isProperty(String arg) {
        return PREFIXES.stream().anyMatch(arg::startsWith)
                || FLAGS.stream().anyMatch(flag -> arg.equals(flag) || arg.startsWith(flag + "="));
    }

    /** Starts the command's Spring context with {@code runner} as its only runner, and returns its exit code. */
    int run(Class<?> runner, Map<String, Object> singletons) {
        List<String> args = command.commandLine().getParseResult().originalArgs();
        // The first word names the command; Spring Boot gets the rest as typed (a stopped run prints it back).
        return run(runner, args.subList(1, args.size()), singletons);
    }

    /** As {@link #run(Class, Map)}, with {@code args} for Spring Boot (and for a stopped run to print back). */
    int run(Class<?> runner, List<String> args, Map<String, Object> singletons) {
        return CommandContext.run(command.commandLine(), runner, args.toArray(String[]::new), logFormat, singletons);
    }

    /** The Spring Boot properties and flags among the command's arguments, as typed. */
    List<String> properties() {
        return command.commandLine().getParseResult().originalArgs().stream().filter(SpringBootOptions::isProperty)
                .toList();
    }
}
