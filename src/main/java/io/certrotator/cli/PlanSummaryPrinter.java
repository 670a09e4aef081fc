package io.certrotator.cli;

import io.certrotator.plan.EstatePlan;
import io.certrotator.plan.Unplanned;

import java.io.PrintStream;
import java.util.List;

/** The end of {@code plan}: hosts selected, with a replacement and without one (by reason); with --verbose, which. */
record PlanSummaryPrinter(PrintStream out) {

    void print(EstatePlan plan, boolean verbose) {
        EstatePlan.Summary summary = plan.summary();
        out.printf("hosts selected: %d, %d with a replacement, %d without one%n", summary.hostsSelected(),
                summary.hostsWithReplacement(), summary.hostsWithoutReplacement());
        summary.withoutReplacementByReason().forEach((reason, hosts) -> out.printf("%8d  %s%n", hosts, reason));
        out.printf("hosts on EdgeOne's free certificates, which EdgeOne renews: %d%n", summary.leftToEdgeOne());
        if (verbose) {
            list("without a replacement:", plan.unplanned());
            list("left to EdgeOne:", plan.leftToEdgeOne());
        }
    }

    private void list(String heading, List<Unplanned> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        out.println(heading);
        hosts.forEach(host -> out.printf("  %s  %s  %s%n", host.zoneId(), host.host(), host.reason()));
    }
}
