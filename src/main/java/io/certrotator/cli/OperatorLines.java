package io.certrotator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.slf4j.Logger;
import org.springframework.boot.logging.LoggingSystemProperty;

import java.io.PrintStream;

/**
 * Lines a command prints for the operator (a run's summary): on standard output as they are, or, when the console
 * logs structured lines ({@code --log-format=json}, or {@code logging.structured.format.console}), as INFO events of
 * {@code log}, one per line with the line as the message, so that every line on standard output is one JSON object
 * for a log shipper. Either way they are printed whatever the logging levels say: an operator who quiets the logs
 * ({@code --logging.level.io.certrotator=WARN}) still gets the command's answer.
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
            text.lines().forEach(this::event);
        } else {
            out.println(text);
        }
    }

    /** An INFO event of {@code log}, handed to its appenders (the console's JSON encoder) past the level check. */
    private void event(String line) {
        if (log instanceof ch.qos.logback.classic.Logger logback) {
            logback.callAppenders(new LoggingEvent(OperatorLines.class.getName(), logback, Level.INFO, line, null,
                    null));
        } else {
            log.info(line);
        }
    }

    /** Spring Boot names the console's structured format in this system property once it sets up logging. */
    static boolean structured() {
        return System.getProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName()) != null;
    }
}
