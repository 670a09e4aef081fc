package io.certrotator.cli;

/** A mistake in the configuration found only when it is used (no credentials, say): one line, exit 2, nothing sent. */
class ConfigurationMistake extends RuntimeException {
    ConfigurationMistake(String message) {
        super(message);
    }
}
