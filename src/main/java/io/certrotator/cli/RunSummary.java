package io.certrotator.cli;

import io.certrotator.job.JobFigures;
import io.certrotator.plan.PlanSummary;
import io.certrotator.results.RowStatus;
import io.certrotator.results.StatusCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an operator reads at the end of a run: one screen, figures first, where to look next. With a structured (JSON)
 * console log, each line is an INFO event instead ({@link OperatorLines}).
 */
final class RunSummary {

    private static final Logger log = LoggerFactory.getLogger(RunSummary.class);

    private final OperatorLines lines;

    RunSummary(PrintStream out) {
        this.lines = new OperatorLines(out, log);
    }

    /** A line of the run's story besides the summary (a dry run's figures), printed as the summary's lines are. */
    void line(String text) {
        lines.print(text);
    }

    private void line(String format, Object... args) {
        lines.print(String.format(Locale.ROOT, format, args));
    }

    void plan(PlanSummary plan, int rate) {
        if (plan.alreadyDone() + plan.notListed() > 0) {
            line("live state: %d host(s) already on their target, %d not in their zone: no call for them",
                    plan.alreadyDone(), plan.notListed());
        }
        if (plan.rowsFailingBeforeCall() > 0) {
            line("%d row(s) would fail before any call (%s)", plan.rowsFailingBeforeCall(),
                    plan.failingBeforeCall().entrySet().stream().map(code -> code.getKey() + " " + code.getValue())
                            .collect(Collectors.joining(", ")));
        }
        line("plan: %d host(s) in %d target(s) -> %d call(s) of at most %d hosts, about %s at %d calls/s",
                plan.hosts(), plan.targets(), plan.calls(), plan.maxHostsPerCall(), seconds(plan.durationAt(rate)), rate);
        for (PlanSummary.TargetCount target : plan.firstTargets()) {
            line("  %s %s %s: %d host(s)", target.zoneId(), target.mode(),
                    target.certIds().isEmpty() ? "-" : target.certIds(), target.hosts());
        }
        if (plan.targets() > plan.firstTargets().size()) {
            line("  ... and %d more target(s)", plan.targets() - plan.firstTargets().size());
        }
    }

    void invalidRows(List<String> lines, long total) {
        lines.forEach(line -> System.err.println(line));
        if (total > lines.size()) {
            System.err.printf("... and %d more invalid row(s): see the report", total - lines.size());
        }
    }

    /**
     * @param unsuccessfulByCode FAILED and INVALID rows per error code, most frequent first
     * @param report             the report written, or null when it could not be
     * @param commandLine        what the operator ran, to run again after a stop
     */
    void end(StatusCounts counts, JobFigures figures, Map<String, Long> unsuccessfulByCode, Path report, int exitCode,
             String stopReason, String commandLine) {
        line("rows: %d total, %d succeeded, %d failed, %d invalid, %d pending%s", counts.total(),
                counts.of(RowStatus.SUCCEEDED), counts.of(RowStatus.FAILED), counts.of(RowStatus.INVALID),
                counts.of(RowStatus.PENDING), counts.accepted() == 0 ? ""
                        : " (" + counts.accepted() + " of them accepted by the API, to be read back by the next run)");
        if (figures.calls() > 0) {
            line("calls: %d ModifyHostsCertificate in %s (%.1f calls/s, limit 20/s), %d refused for rate",
                    figures.calls(), seconds(Duration.ofMillis(figures.rotateMillis())), figures.callsPerSecond(),
                    figures.rateRefusals());
        }
        if (figures.describeCalls() > 0 || figures.zoneReads() > 0) {
            line("reads: %d DescribeAccelerationDomains (live state before the calls, verification after)%s",
                    figures.describeCalls(), figures.zoneReads() == 0 ? ""
                            : ", " + figures.zoneReads() + " DescribeZones (zone state)");
        }
        if (!unsuccessfulByCode.isEmpty()) {
            line("failed or invalid rows by error code:");
            unsuccessfulByCode.forEach((code, rows) -> line("  %6d  %s: %s", rows, code, ErrorAdvice.of(code)));
        }
        line("report: " + (report != null ? report : "not written"));
        switch (exitCode) {
            case ExitCodes.STOPPED -> line("stopped: " + (stopReason == null ? "the run did not finish"
                    : stopReason) + "\nrun the same command again to resume:\n  " + commandLine);
            case ExitCodes.ROWS_FAILED -> line("finished with FAILED or INVALID rows: see the report");
            default -> {
            }
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000d);
    }
}
