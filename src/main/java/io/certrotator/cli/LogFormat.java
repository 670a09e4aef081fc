package io.certrotator.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** {@code --log-format}: plain log lines, or Spring Boot's structured ones in the ECS format that log shippers read. */
enum LogFormat {
    TEXT,
    JSON;

    static final String NODE_NAME = "--logging.structured.ecs.service.node-name";

    /**
     * Spring Boot's properties for this format, given the command's arguments. Spring Boot writes ECS's
     * {@code service.node} as an empty object unless a node name is given, so it is left out unless one is.
     */
    Map<String, Object> springProperties(String[] args) {
        if (this == TEXT) {
            return Map.of();
        }
        boolean nodeNamed = Arrays.stream(args).anyMatch(arg -> arg.startsWith(NODE_NAME + "="));
        return nodeNamed ? Map.of("logging.structured.format.console", "ecs")
                : Map.of("logging.structured.format.console", "ecs", "logging.structured.json.exclude", "service.node");
    }

    /**
     * Where a line for the operator printed before Spring Boot sets up logging goes: it cannot be a log event yet, and
     * with JSON standard output holds nothing but JSON objects, so it goes to standard error.
     */
    PrintStream beforeLogging() {
        return this == TEXT ? System.out : System.err;
    }

    /** As typed on the command line, and so in the help's "Default: text". */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
