package io.certrotator.cli;

import java.util.Locale;
import java.util.Map;

/** {@code --log-format}: plain log lines, or Spring Boot's structured ones in the ECS format that log shippers read. */
enum LogFormat {
    TEXT(Map.of()),
    JSON(Map.of("logging.structured.format.console", "ecs"));

    private final Map<String, Object> springProperties;

    LogFormat(Map<String, Object> springProperties) {
        this.springProperties = springProperties;
    }

    Map<String, Object> springProperties() {
        return springProperties;
    }

    /** As typed on the command line, and so in the help's "Default: text". */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
