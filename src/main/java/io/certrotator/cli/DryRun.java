package io.certrotator.cli;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.plan.InputSurvey;
import io.certrotator.plan.PlanSummary;
import io.certrotator.results.ReportWriter;
import io.certrotator.results.ResultRow;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code --dry-run}: validates and plans while streaming the file once, without the job repository and
 * without a single ModifyHostsCertificate call; the report lists every row as PENDING or INVALID. Only when a
 * host is listed with different targets is the file read a second time, to mark all of its rows. With
 * credentials at hand it reads the live state of the hosts (DescribeAccelerationDomains), so the plan leaves
 * out the hosts already done.
 */
final class DryRun {

    private static final int LISTED_ON_SCREEN = 100;
    private static final int DESCRIBE_THREADS = 4;
    /** A dry run has nothing to stop: a refused read just leaves the plan blind. */
    private static final BooleanSupplier NEVER_STOPPED = () -> false;

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
        InputSurvey survey = new InputSurvey(options.maxHostsPerCall());
        Tally tally = report(row -> {
            survey.see(row);
            return row;
        });
        if (survey.hasConflicts()) {
            tally = report(survey::verdict);
        }
        summary.invalidRows(tally.invalidOnScreen, tally.invalid);
        PlanSummary plan = survey.plan(liveState(survey));
        summary.plan(plan, options.rate());
        System.out.printf("rows: %d total, %d valid, %d invalid; dry run: nothing sent%n", tally.rows,
                tally.rows - tally.invalid, tally.invalid);
        System.out.println("report: " + options.report());
        if (tally.invalid > 0 && !options.skipInvalid()) {
            System.err.println(tally.invalid + " invalid row(s) in " + options.input()
                    + ": fix them, or run the rest with --skip-invalid");
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.SUCCEEDED;
    }

    /** The live state of every zone's hosts, or no zone when it cannot be read (the plan is then blind). */
    private Map<String, Map<String, HostConfig>> liveState(InputSurvey survey) {
        if (access.isEmpty()) {
            System.out.println("live state not read (no credentials): every host is planned a call");
            return Map.of();
        }
        ExecutorService threads = Executors.newFixedThreadPool(DESCRIBE_THREADS);
        try {
            LiveStateReader reader = new LiveStateReader(access.get().newClient(CallPacer.local(options.rate())),
                    RetryPolicy.DEFAULT, threads);
            Map<String, Map<String, HostConfig>> live = new HashMap<>();
            for (Map.Entry<String, List<String>> zone : survey.hostsByZone().entrySet()) {
                live.put(zone.getKey(), reader.read(zone.getKey(), zone.getValue(), NEVER_STOPPED).join());
            }
            System.out.printf("live state: read with %d DescribeAccelerationDomains call(s)%n", reader.callsMade());
            return live;
        } catch (CompletionException e) {
            System.out.println("live state not read (" + e.getCause().getMessage() + "): every host is planned a call");
            return Map.of();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Streams the input through {@code verdict} into the report, counting as it goes. */
    private Tally report(java.util.function.UnaryOperator<RotationRow> verdict) {
        Tally tally = new Tally();
        Instant now = Instant.now();
        reportWriter.write(options.report(), sink -> forEachRow(raw -> {
            RotationRow row = verdict.apply(raw);
            tally.count(row);
            sink.accept(new ResultRow(row.line(), row.zoneId(), row.host(), row.mode(), row.certIdsText(),
                    row.valid() ? RowStatus.PENDING : RowStatus.INVALID,
                    row.valid() ? null : ResultsRepository.INVALID_ROW, row.problem(), null, 0, now));
        }));
        return tally;
    }

    private void forEachRow(Consumer<RotationRow> consumer) {
        try (RotationCsvReader reader = RotationCsvReader.open(options.input())) {
            reader.forEachRemaining(consumer);
        }
    }

    private static final class Tally {
        long rows;
        long invalid;
        final List<String> invalidOnScreen = new ArrayList<>();

        void count(RotationRow row) {
            rows++;
            if (!row.valid()) {
                invalid++;
                if (invalidOnScreen.size() < LISTED_ON_SCREEN) {
                    invalidOnScreen.add(row.problemMessage());
                }
            }
        }
    }
}
