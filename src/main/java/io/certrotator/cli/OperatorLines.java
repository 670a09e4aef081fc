package io.certrotator.cli;

import org.slf4j.Logger;
import org.springframework.boot.logging.LoggingSystemProperty;

import java.io.PrintStream;

/**
 * Lines a command prints for the operator (a run's summary): on standard output as they are, or, when the console
 * logs structured lines ({@code --log-format=json}, or {@code logging.structured.format.console}), as INFO events of
 * {@code log}, one per line with the line as the message, so that every line on standard output is one JSON object
 * for a log shipper.
 */
final class OperatorLines {

    private final PrintStream out;
    private final Logger log;

    OperatorLines(PrintStream out, Logger log) {
        this.out = out;
        this.log = log;
    }

    /** {@code text}, one line or several separated by {@code \n}. */
    void print(String text) {
        if (structured()) {
            text.lines().forEach(log::info);
        } else {
            out.println(text);
        }
    }

    /** Spring Boot names the console's structured format in this system property once it sets up logging. */
    static boolean structured() {
        return System.getProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName()) != null;
    }
}
