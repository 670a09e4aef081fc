package io.certrotator.cli;

import java.util.Locale;

/** {@code upload --format}: lines for a person, or one JSON object for a script. */
enum UploadFormat {
    TEXT, JSON;

    /** As typed on the command line, and so in the help's "Default: text". */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
