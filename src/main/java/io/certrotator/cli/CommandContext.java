package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the Spring context one command needs, with that command's runner as its only runner, and
 * returns the runner's exit code. The arguments go to Spring Boot as they are (its own properties work);
 * {@code --log-format} is ours.
 */
final class CommandContext {

    static final String LOG_FORMAT = "log-format";
    private static final Logger log = LoggerFactory.getLogger(CommandContext.class);

    /**
     * A context that cannot start (a wrong datasource URL or password, say) is reported by us in one line;
     * Spring's own report of it is a stack trace. Either can be turned back on like any logging level.
     */
    private static final Map<String, Object> QUIET_STARTUP_FAILURE = Map.of(
            "logging.level.org.springframework.boot.SpringApplication", "OFF",
            "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");

    private CommandContext() {
    }

    static int run(Class<?> runner, String[] args, Map<String, Object> singletons) {
        Map<String, Object> defaults = new HashMap<>(QUIET_STARTUP_FAILURE);
        try {
            defaults.putAll(logFormat(args));
        } catch (UsageException e) {
            System.err.println("cert-rotator: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        SpringApplication application = new SpringApplication(CertRotatorApplication.class, runner);
        application.setDefaultProperties(defaults);
        application.addInitializers(context -> singletons.forEach(context.getBeanFactory()::registerSingleton));
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (OutOfMemory.causedBy(e)) {
                System.err.println("cert-rotator: " + OutOfMemory.advice());
                return ExitCodes.STOPPED;
            }
            log.debug("cannot start", e);
            System.err.println("cert-rotator: cannot start: " + Causes.innermost(e, t -> false).getMessage());
            System.err.println("check the --spring.* options (the job repository); nothing was sent");
            return ExitCodes.BAD_INPUT;
        }
        return SpringApplication.exit(context);
    }

    /** {@code --log-format=json} is Spring Boot's structured logging in the ECS format that log shippers read. */
    static Map<String, Object> logFormat(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--" + LOG_FORMAT)) {
                continue;
            }
            switch (arg) {
                case "--" + LOG_FORMAT + "=json" -> properties.put("logging.structured.format.console", "ecs");
                case "--" + LOG_FORMAT + "=text" -> properties.remove("logging.structured.format.console");
                default -> throw new UsageException("--" + LOG_FORMAT + " must be text or json, got \""
                        + arg.substring(arg.indexOf('=') + 1) + "\"");
            }
        }
        return properties;
    }
}
