package io.certrotator.cli;

import io.certrotator.plan.HostGlob;
import io.certrotator.plan.PlanRequest;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code rotate}'s scheduled form: {@code --expiring-within=TIME [--zone=ID ...] [--host=GLOB ...]}
 * plan the rotation from the estate (as {@code plan --expiring-within} does) instead of reading {@code --input}.
 */
final class ScheduledOptions {

    @Option(names = "--expiring-within", order = 20, paramLabel = "TIME", converter = DurationConverter.class,
            description = {"the scheduled form, instead of --input: read the estate, plan the certificates expired or"
                    + " expiring within TIME (30d, 12h, 90m, P30D) as plan does, write the plan to"
                    + " HOME/scheduled/plan-HASH.csv and rotate it; one at a time, and an unfinished scheduled run is"
                    + " resumed before anything is planned anew",
                    "  Default: none (--input)"})
    private Duration expiringWithin;

    @Option(names = "--zone", order = 21, paramLabel = "ID", showDefaultValue = Visibility.NEVER,
            description = {"with --expiring-within: read only this zone (its ID or name); repeat for more",
                    "  Default: every zone the credentials can see"})
    private List<String> zones = new ArrayList<>();

    @Option(names = "--host", order = 22, paramLabel = "GLOB", showDefaultValue = Visibility.NEVER,
            description = {"with --expiring-within: only hosts matching GLOB (* any characters, ? one); repeat for"
                    + " more", "  Default: every host"})
    private List<String> hosts = new ArrayList<>();

    /** Whether the scheduled form was asked for. */
    boolean given() {
        return expiringWithin != null;
    }

    /** Whether --zone or --host was given (they belong to the scheduled form). */
    boolean narrowed() {
        return !zones.isEmpty() || !hosts.isEmpty();
    }

    List<String> zones() {
        return List.copyOf(zones);
    }

    ScheduledSelection selection() {
        return new ScheduledSelection(zones, hosts);
    }

    /** The zones of --zone are the only ones read: the request need not select them again. */
    PlanRequest planRequest() {
        return PlanRequest.expiringWithin(expiringWithin, List.of(), hosts.stream().map(HostGlob::new).toList());
    }
}
