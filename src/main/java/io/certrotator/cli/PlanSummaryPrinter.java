package io.certrotator.cli;

import io.certrotator.plan.EstatePlan;
import io.certrotator.plan.Unplanned;

import java.util.List;
import java.util.function.Consumer;

/**
 * The end of {@code plan}: hosts selected, with a replacement and without one (by reason); with --verbose, which.
 * Each line goes to {@code out}: a stream's {@code println}, or {@link OperatorLines} where the console may be JSON.
 */
record PlanSummaryPrinter(Consumer<String> out) {

    void print(EstatePlan plan, boolean verbose) {
        EstatePlan.Summary summary = plan.summary();
        out.accept(String.format("hosts selected: %d, %d with a replacement, %d without one", summary.hostsSelected(),
                summary.hostsWithReplacement(), summary.hostsWithoutReplacement()));
        summary.withoutReplacementByReason().forEach((reason, hosts) -> out.accept(String.format("%8d  %s", hosts,
                reason)));
        out.accept("hosts on EdgeOne's free certificates, which EdgeOne renews: " + summary.leftToEdgeOne());
        if (verbose) {
            list("without a replacement:", plan.unplanned());
            list("left to EdgeOne:", plan.leftToEdgeOne());
        }
    }

    private void list(String heading, List<Unplanned> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        out.accept(heading);
        hosts.forEach(host -> out.accept("  " + host.zoneId() + "  " + host.host() + "  " + host.reason()));
    }
}
