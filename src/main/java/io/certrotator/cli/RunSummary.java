package io.certrotator.cli;

import io.certrotator.job.JobFigures;
import io.certrotator.plan.PlanSummary;
import io.certrotator.results.RowStatus;
import io.certrotator.results.StatusCounts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What an operator reads at the end of a run: one screen, figures first, where to look next. */
final class RunSummary {

    private final PrintStream out;

    RunSummary(PrintStream out) {
        this.out = out;
    }

    void plan(PlanSummary plan, int rate) {
        if (plan.alreadyDone() + plan.notListed() > 0) {
            out.printf("live state: %d host(s) already on their target, %d not in their zone: no call for them%n",
                    plan.alreadyDone(), plan.notListed());
        }
        if (plan.rowsFailingBeforeCall() > 0) {
            out.printf("%d row(s) would fail before any call (%s)%n", plan.rowsFailingBeforeCall(),
                    plan.failingBeforeCall().entrySet().stream().map(code -> code.getKey() + " " + code.getValue())
                            .collect(Collectors.joining(", ")));
        }
        out.printf(Locale.ROOT, "plan: %d host(s) in %d target(s) -> %d call(s) of at most %d hosts, about %s at %d calls/s%n",
                plan.hosts(), plan.targets(), plan.calls(), plan.maxHostsPerCall(), seconds(plan.durationAt(rate)), rate);
        for (PlanSummary.TargetCount target : plan.firstTargets()) {
            out.printf("  %s %s %s: %d host(s)%n", target.zoneId(), target.mode(),
                    target.certIds().isEmpty() ? "-" : target.certIds(), target.hosts());
        }
        if (plan.targets() > plan.firstTargets().size()) {
            out.printf("  ... and %d more target(s)%n", plan.targets() - plan.firstTargets().size());
        }
    }

    void invalidRows(List<String> lines, long total) {
        lines.forEach(line -> System.err.println(line));
        if (total > lines.size()) {
            System.err.printf("... and %d more invalid row(s): see the report%n", total - lines.size());
        }
    }

    /**
     * @param unsuccessfulByCode FAILED and INVALID rows per error code, most frequent first
     * @param report             the report written, or null when it could not be
     * @param commandLine        what the operator ran, to run again after a stop
     */
    void end(StatusCounts counts, JobFigures figures, Map<String, Long> unsuccessfulByCode, Path report, int exitCode,
             String stopReason, String commandLine) {
        out.printf("rows: %d total, %d succeeded, %d failed, %d invalid, %d pending%s%n", counts.total(),
                counts.of(RowStatus.SUCCEEDED), counts.of(RowStatus.FAILED), counts.of(RowStatus.INVALID),
                counts.of(RowStatus.PENDING), counts.accepted() == 0 ? ""
                        : " (" + counts.accepted() + " of them accepted by the API, to be read back by the next run)");
        if (figures.calls() > 0) {
            out.printf(Locale.ROOT, "calls: %d ModifyHostsCertificate in %s (%.1f calls/s, limit 20/s), %d refused for rate%n",
                    figures.calls(), seconds(Duration.ofMillis(figures.rotateMillis())), figures.callsPerSecond(),
                    figures.rateRefusals());
        }
        if (figures.describeCalls() > 0 || figures.zoneReads() > 0) {
            out.printf("reads: %d DescribeAccelerationDomains (live state before the calls, verification after)%s%n",
                    figures.describeCalls(), figures.zoneReads() == 0 ? ""
                            : ", " + figures.zoneReads() + " DescribeZones (zone state)");
        }
        if (!unsuccessfulByCode.isEmpty()) {
            out.println("failed or invalid rows by error code:");
            unsuccessfulByCode.forEach((code, rows) -> out.printf("  %6d  %s: %s%n", rows, code, ErrorAdvice.of(code)));
        }
        out.println("report: " + (report != null ? report : "not written"));
        switch (exitCode) {
            case ExitCodes.STOPPED -> out.println("stopped: " + (stopReason == null ? "the run did not finish"
                    : stopReason) + "\nrun the same command again to resume:\n  " + commandLine);
            case ExitCodes.ROWS_FAILED -> out.println("finished with FAILED or INVALID rows: see the report");
            default -> {
            }
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000d);
    }
}
