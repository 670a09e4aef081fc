package io.certrotator.cli;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.plan.DryRunPlanner;
import io.certrotator.results.ReportWriter;

import java.util.Optional;

/**
 * {@code --dry-run}: prints the plan {@link DryRunPlanner} makes, without the job repository and without a single
 * ModifyHostsCertificate call. It never writes the report (that is a run's results); with {@code --plan-output} the
 * plan is written there, every row PENDING or INVALID, in the report's columns.
 */
final class DryRun {

    private final RotateOptions options;
    private final ReportWriter reportWriter;
    private final RunSummary summary;
    private final Optional<ApiAccess> access;

    DryRun(RotateOptions options, ReportWriter reportWriter, RunSummary summary, Optional<ApiAccess> access) {
        this.options = options;
        this.reportWriter = reportWriter;
        this.summary = summary;
        this.access = access;
    }

    int run() {
        DryRunPlanner.DryRunPlan dryRun = new DryRunPlanner(options.input(), options.maxHostsPerCall(), options.rate(),
                options.allowDropping(), options.planOutput(), reportWriter).plan(access);
        summary.invalidRows(dryRun.firstInvalid(), dryRun.invalid());
        summary.line(dryRun.liveState());
        summary.plan(dryRun.plan(), options.rate());
        summary.line("rows: " + dryRun.rows() + " total, " + (dryRun.rows() - dryRun.invalid()) + " valid, "
                + dryRun.invalid() + " invalid; dry run: nothing sent");
        options.planOutput().ifPresent(file -> summary.line("plan: " + file));
        if (dryRun.invalid() > 0 && !options.skipInvalid()) {
            System.err.println(dryRun.invalid() + " invalid row(s) in " + options.input()
                    + ": fix them, or run the rest with --skip-invalid");
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.SUCCEEDED;
    }
}
