package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import io.certrotator.job.Causes;
import io.certrotator.job.RepositoryOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Starts the Spring context one command needs, with that command's runner as its only runner, and returns the
 * runner's exit code. The arguments go to Spring Boot as they are (its own properties work).
 */
final class CommandContext {

    private static final Logger log = LoggerFactory.getLogger(CommandContext.class);

    /**
     * A context that cannot start (a wrong datasource URL or password, a property out of bounds) is reported by us
     * in one line; Spring's own report of it is a stack trace or a page. Each can be turned back on like any logging
     * level.
     */
    private static final Map<String, Object> QUIET_STARTUP_FAILURE = Map.of(
            "logging.level.org.springframework.boot.SpringApplication", "OFF",
            "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF",
            "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");

    /** The JDBC URLs of the drivers on the class path. */
    private static final Pattern KNOWN_DRIVER = Pattern.compile("^jdbc:(postgresql:|h2:)");

    private CommandContext() {
    }

    /**
     * @throws ParameterException when a property cannot be bound or is out of bounds
     * @throws ConfigurationMistake when the folder of an H2 file repository cannot be written
     */
    static int run(CommandLine command, Class<?> runner, String[] args, LogFormat logFormat,
                   Map<String, Object> singletons) {
        Optional<String> signal = ProcessSignals.PROCESS.opening();
        if (signal.isPresent()) {
            return stoppedBeforeStart(runner, signal.get());
        }
        RepositoryFolder.check(Arrays.stream(args).filter(SpringBootOptions::isProperty).toList());
        Map<String, Object> defaults = new HashMap<>(QUIET_STARTUP_FAILURE);
        defaults.putAll(logFormat.springProperties(args));
        SpringApplication application = new SpringApplication(CertRotatorApplication.class, runner);
        application.setDefaultProperties(defaults);
        application.addInitializers(context -> singletons.forEach(context.getBeanFactory()::registerSingleton));
        application.addInitializers(context -> HomeFolder.makeAbsolute(context.getEnvironment()));
        AtomicReference<Environment> environment = new AtomicReference<>();
        application.addInitializers(context -> environment.set(context.getEnvironment()));
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (OutOfMemory.causedBy(e)) {
                System.err.println("cert-rotator: " + OutOfMemory.advice());
                return ExitCodes.STOPPED;
            }
            if (Causes.first(e, GracefulShutdown.StoppedBeforeStart.class::isInstance) instanceof
                    GracefulShutdown.StoppedBeforeStart stopped) {
                return stoppedBeforeStart(runner, stopped.signal());
            }
            log.debug("cannot start", e);
            Optional<String> badProperty = BadProperty.describe(e);
            if (badProperty.isPresent()) {
                throw new ParameterException(command, badProperty.get());
            }
            String url = environment.get() == null ? null : environment.get().getProperty("spring.datasource.url");
            if (url != null && !KNOWN_DRIVER.matcher(url).find()) {
                // without its parameters or a user before the host: either may carry a password
                String shown = url.replaceFirst("[?;].*", "").replaceFirst("//[^/@]*@", "//");
                System.err.println("cert-rotator: cannot start: --spring.datasource.url (" + shown + ") is not a URL of"
                        + " a known driver: give jdbc:postgresql://HOST:PORT/DATABASE or jdbc:h2:...;"
                        + " nothing was sent");
                return ExitCodes.BAD_INPUT;
            }
            if (url != null && RepositoryOutage.causedBy(e)) {
                System.err.println("cert-rotator: cannot reach the job repository (" + RepositoryOutage.server(url)
                        + "): " + Causes.innermost(e, t -> false).getMessage() + "; nothing was sent: run the same"
                        + " command again once it is reachable");
                return ExitCodes.STOPPED;
            }
            System.err.println("cert-rotator: cannot start: " + Causes.innermost(e, t -> false).getMessage());
            System.err.println("check the --spring.* options (the job repository); nothing was sent");
            return ExitCodes.BAD_INPUT;
        }
        return SpringApplication.exit(context);
    }

    /** A signal came before the runner began: one line, exit 1. Before a rotation, a deploy may have uploaded. */
    private static int stoppedBeforeStart(Class<?> runner, String signal) {
        System.err.println("cert-rotator: stopped by " + signal + (runner == RotationRunner.class
                ? " before the rotation started: no host was changed; run the same command again"
                : " before anything was sent"));
        return ExitCodes.STOPPED;
    }
}
