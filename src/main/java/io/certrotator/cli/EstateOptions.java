package io.certrotator.cli;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What the commands that read the estate (inventory, plan) take besides the API access: the zones and the progress. */
final class EstateOptions {

    @Option(names = "--zone", order = 1, paramLabel = "ID", showDefaultValue = Visibility.NEVER,
            description = {"read only this zone (its ID, zone-..., or its name); repeat for more",
                    "  Default: every zone the credentials can see"})
    private List<String> zones = new ArrayList<>();

    @Option(names = "--progress", order = 43, paramLabel = "bar|log|off",
            description = {"a live bar of zones read, or a log line every --cert-rotator.progress-interval",
                    "  Default: bar on a terminal, else log; off when CSV or JSON goes to standard output"})
    private ProgressMode progress;

    List<String> zones() {
        return List.copyOf(zones);
    }

    /**
     * @param dataOnStandardOutput CSV or JSON goes to standard output: log lines there would spoil it, so the default
     *                             is no progress
     */
    ProgressMode progress(boolean dataOnStandardOutput) {
        if (progress != null) {
            return progress;
        }
        return dataOnStandardOutput ? ProgressMode.OFF : ProgressMode.forThisOutput();
    }
}
