package io.certrotator.cli;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code cert-rotator.home} before any Spring context starts (a piped input is kept there before the built-in
 * simulator, which starts first, reads it), found the way Spring Boot finds it: the command line, then the
 * environment ({@code CERT_ROTATOR_HOME}) and system properties, then {@code application.properties}.
 */
final class HomeFolder {

    static final String PROPERTY = "cert-rotator.home";
    static final String GIVE_ANOTHER = "give --" + PROPERTY + "=DIR in a folder you can write";

    private HomeFolder() {
    }

    /** @param properties the Spring Boot properties of the command line, as typed */
    static Path of(List<String> properties) {
        return properties(properties).bind(PROPERTY, Path.class)
                .orElseThrow(() -> new ConfigurationMistake(PROPERTY + " is not set"));
    }

    /**
     * The home, once a file can be created in it (or in the nearest folder that exists): a run keeps its locks there,
     * and its piped input and plans.
     *
     * @throws ConfigurationMistake naming the home, the folder that refuses and the option to give
     */
    static Path writable(List<String> properties) {
        Path home = of(properties);
        WritableFolder.unwritable(home).ifPresent(why -> {
            throw new ConfigurationMistake("cannot use the home " + home + ": " + why + "; " + GIVE_ANOTHER);
        });
        return home;
    }

    /**
     * A relative home as the folder it names in the current folder: H2 refuses a database path that is implicitly
     * relative ({@code jdbc:h2:file:home/jobs}), and the default repository's URL is made of the home.
     */
    static void makeAbsolute(ConfigurableEnvironment environment) {
        String home = environment.getProperty(PROPERTY);
        if (home != null && !Path.of(home).isAbsolute()) {
            environment.getPropertySources().addFirst(new MapPropertySource("absolute " + PROPERTY,
                    Map.of(PROPERTY, Path.of(home).toAbsolutePath().normalize().toString())));
        }
    }

    /** Spring Boot's properties as a context started with {@code properties} would see them, placeholders resolved. */
    static Binder properties(List<String> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
                .addFirst(new SimpleCommandLinePropertySource(properties.toArray(String[]::new)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment);
    }
}
