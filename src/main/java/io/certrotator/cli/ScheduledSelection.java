package io.certrotator.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a scheduled run selects from the estate: its {@code --zone}s and {@code --host}s, none meaning every one. Kept
 * with the run ({@link PlanRounds}), so that the run that resumes it can say when its own selection differs.
 */
record ScheduledSelection(List<String> zones, List<String> hosts) {

    /** The job parameter that keeps it (not identifying: the plan's content is the run). */
    static final String PARAMETER = "scheduled.selection";

    ScheduledSelection {
        zones = zones.stream().distinct().sorted().toList();
        hosts = hosts.stream().distinct().sorted().toList();
    }

    /** As the options say it, the same for the same selection: {@code --zone=zone-a, every host}. */
    String describe() {
        return (zones.isEmpty() ? "every zone" : words("--zone=", zones)) + ", "
                + (hosts.isEmpty() ? "every host" : words("--host=", hosts));
    }

    private static String words(String option, List<String> values) {
        return values.stream().map(value -> option + value).collect(Collectors.joining(" "));
    }
}
