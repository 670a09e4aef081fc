package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the Spring context one command needs, with that command's runner as its only runner, and
 * returns the runner's exit code. The arguments go to Spring Boot as they are (its own properties work),
 * except {@code --log-format}, which is ours.
 */
final class CommandContext {

    static final String LOG_FORMAT = "log-format";

    private CommandContext() {
    }

    static int run(Class<?> runner, String[] args, Map<String, Object> singletons) {
        String[] springArgs;
        try {
            springArgs = withLogFormat(args);
        } catch (UsageException e) {
            System.err.println("cert-rotator: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        SpringApplication application = new SpringApplication(CertRotatorApplication.class, runner);
        application.addInitializers(context -> singletons.forEach(context.getBeanFactory()::registerSingleton));
        ConfigurableApplicationContext context = application.run(springArgs);
        return SpringApplication.exit(context);
    }

    /** {@code --log-format=json} is Spring Boot's structured logging in the ECS format that log shippers read. */
    static String[] withLogFormat(String[] args) {
        List<String> result = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--" + LOG_FORMAT)) {
                result.add(arg);
                continue;
            }
            switch (arg) {
                case "--" + LOG_FORMAT + "=json" -> result.add("--logging.structured.format.console=ecs");
                case "--" + LOG_FORMAT + "=text" -> {
                }
                default -> throw new UsageException("--" + LOG_FORMAT + " must be text or json, got \"" + arg + "\"");
            }
        }
        return result.toArray(String[]::new);
    }
}
