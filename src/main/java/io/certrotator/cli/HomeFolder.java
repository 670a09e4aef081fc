package io.certrotator.cli;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code cert-rotator.home} before any Spring context starts (a piped input is kept there before the built-in
 * simulator, which starts first, reads it), found the way Spring Boot finds it: the command line, then the
 * environment ({@code CERT_ROTATOR_HOME}) and system properties, then {@code application.properties}.
 */
final class HomeFolder {

    private static final String PROPERTY = "cert-rotator.home";

    private HomeFolder() {
    }

    /** @param properties the Spring Boot properties of the command line, as typed */
    static Path of(List<String> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
                .addFirst(new SimpleCommandLinePropertySource(properties.toArray(String[]::new)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind(PROPERTY, Path.class)
                .orElseThrow(() -> new ConfigurationMistake(PROPERTY + " is not set"));
    }
}
