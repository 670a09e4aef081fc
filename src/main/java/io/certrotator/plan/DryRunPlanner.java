package io.certrotator.plan;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.BackOffPause;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;
import io.certrotator.results.ReportWriter;
import io.certrotator.results.ResultRow;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A dry run's plan, made with the run's own parts: the rotation CSV's reader and validation, the live-state reader
 * (DescribeAccelerationDomains, when credentials are at hand, so the plan leaves out the hosts already done) and the
 * report's writer, and the run's {@link HostGrouper} to count the calls. Since a dry run stores no rows, an
 * {@link InputSurvey} keeps what grouping needs per host in primitive arrays. The file is streamed once; only when a
 * host is listed with different targets is it read a second time, to mark all of its rows. Nothing is written to the
 * job repository, no ModifyHostsCertificate call is made, and the plan goes to {@code planOutput} if one is given,
 * never to a report.
 */
public final class DryRunPlanner {

    private static final int LISTED_INVALID = 100;
    private static final int DESCRIBE_THREADS = 4;

    private final Path input;
    private final int maxHostsPerCall;
    private final int rate;
    private final Optional<Path> planOutput;
    private final ReportWriter reportWriter;

    public DryRunPlanner(Path input, int maxHostsPerCall, int rate, Optional<Path> planOutput,
                         ReportWriter reportWriter) {
        this.input = input;
        this.maxHostsPerCall = maxHostsPerCall;
        this.rate = rate;
        this.planOutput = planOutput;
        this.reportWriter = reportWriter;
    }

    /**
     * @param rows         rows read, valid or not
     * @param invalid      rows that are invalid
     * @param firstInvalid the first {@value #LISTED_INVALID} invalid rows' problems
     * @param liveState    how the live state was read, or why not (the plan is then blind to it)
     */
    public record DryRunPlan(long rows, long invalid, List<String> firstInvalid, PlanSummary plan, String liveState) {
    }

    /** @param access the API, when a credential is at hand; empty plans every host a call */
    public DryRunPlan plan(Optional<ApiAccess> access) {
        InputSurvey survey = new InputSurvey(maxHostsPerCall);
        Tally tally = pass(row -> {
            survey.see(row);
            return row;
        });
        if (survey.hasConflicts()) {
            tally = pass(survey::verdict);
        }
        Map<String, Map<String, HostConfig>> live = new HashMap<>();
        String liveState = access.map(api -> readLiveState(api, survey, live))
                .orElse("live state not read (no credentials): every host is planned a call");
        return new DryRunPlan(tally.rows, tally.invalid, List.copyOf(tally.firstInvalid), survey.plan(live),
                liveState);
    }

    /** Fills {@code live} with every zone's hosts, or leaves it empty when it cannot be read; says which. */
    private String readLiveState(ApiAccess access, InputSurvey survey, Map<String, Map<String, HostConfig>> live) {
        ExecutorService threads = Executors.newFixedThreadPool(DESCRIBE_THREADS);
        try {
            LiveStateReader reader = new LiveStateReader(access.newClient(CallPacer.local(rate)), RetryPolicy.DEFAULT,
                    threads, BackOffPause.SLEEP);
            for (Map.Entry<String, List<String>> zone : survey.hostsByZone().entrySet()) {
                live.put(zone.getKey(), reader.read(zone.getKey(), zone.getValue()));
            }
            return "live state: read with " + reader.callsMade() + " DescribeAccelerationDomains call(s)";
        } catch (DescribeFailed e) {
            live.clear();
            return "live state not read (" + e.getMessage() + "): every host is planned a call";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            live.clear();
            return "live state not read (interrupted): every host is planned a call";
        } finally {
            threads.shutdownNow();
        }
    }

    /** Streams the input through {@code verdict}, counting as it goes, into the plan file if one was asked for. */
    private Tally pass(UnaryOperator<RotationRow> verdict) {
        Tally tally = new Tally();
        Instant now = Instant.now();
        Consumer<Consumer<ResultRow>> plannedRows = sink -> forEachRow(raw -> {
            RotationRow row = verdict.apply(raw);
            tally.count(row);
            sink.accept(new ResultRow(row.line(), row.zoneId(), row.host(), row.mode(), row.certIdsText(),
                    row.valid() ? RowStatus.PENDING : RowStatus.INVALID,
                    row.valid() ? null : ResultsRepository.INVALID_ROW, row.problem(), null, 0, now));
        });
        planOutput.ifPresentOrElse(plan -> reportWriter.write(plan, plannedRows), () -> plannedRows.accept(row -> { }));
        return tally;
    }

    private void forEachRow(Consumer<RotationRow> consumer) {
        try (RotationCsvReader reader = RotationCsvReader.open(input)) {
            reader.forEachRemaining(consumer);
        }
    }

    private static final class Tally {
        long rows;
        long invalid;
        final List<String> firstInvalid = new ArrayList<>();

        void count(RotationRow row) {
            rows++;
            if (!row.valid()) {
                invalid++;
                if (firstInvalid.size() < LISTED_INVALID) {
                    firstInvalid.add(row.problemMessage());
                }
            }
        }
    }
}
