package io.certrotator.plan;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.BackOffPause;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.DescribeZones;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.edgeone.ZoneStateReader;
import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;
import io.certrotator.results.ReportWriter;
import io.certrotator.results.ResultRow;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowOutcome;
import io.certrotator.results.RowStatus;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A dry run's plan, made with the run's own parts: the rotation CSV's reader and validation, the zone-state and
 * live-state readers (DescribeZones and DescribeAccelerationDomains, when credentials are at hand) with the run's
 * {@link RowDecision}, so the plan leaves out the rows already done and those that would fail before any call, the
 * report's writer, and the run's {@link HostGrouper} to count the calls. Since a dry run stores no rows, an
 * {@link InputSurvey} keeps what grouping needs per host in primitive arrays. Without credentials the file is streamed
 * once; it is read a second time when a host is listed with different targets, to mark all of its rows, and when the
 * plan file is to show what the live state decided. Nothing is written to the job repository, no
 * ModifyHostsCertificate call is made, and the plan goes to {@code planOutput} if one is given, never to a report.
 */
public final class DryRunPlanner {

    private static final int LISTED_INVALID = 100;
    private static final int DESCRIBE_THREADS = 4;

    private final Path input;
    private final int maxHostsPerCall;
    private final int rate;
    private final boolean allowDropping;
    private final Optional<Path> planOutput;
    private final ReportWriter reportWriter;

    /** @param allowDropping whether a row may take a key type off its host ({@code --allow-dropping-certificates}) */
    public DryRunPlanner(Path input, int maxHostsPerCall, int rate, boolean allowDropping, Optional<Path> planOutput,
                         ReportWriter reportWriter) {
        this.input = input;
        this.allowDropping = allowDropping;
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
        InputSurvey survey = new InputSurvey(maxHostsPerCall, allowDropping);
        // With the live state the plan file waits for it, to show the rows it settles; without, it is written now.
        Tally tally = pass(row -> {
            survey.see(row);
            return row;
        }, access.isEmpty(), survey);
        Map<String, StateRefusal> refusedZones = new HashMap<>();
        Map<String, Map<String, HostConfig>> live = new HashMap<>();
        String liveState = access.map(api -> {
            Map<String, List<String>> hostsByZone = survey.hostsByZone();
            String zoneState = readZoneState(api, hostsByZone.keySet(), refusedZones);
            return readLiveState(api, hostsByZone, refusedZones.keySet(), live) + "; " + zoneState;
        }).orElse("live state not read (no credentials): every host is planned a call");
        PlanSummary plan = survey.plan(live, refusedZones);
        if (survey.hasConflicts() || access.isPresent() && planOutput.isPresent()) {
            tally = pass(survey::verdict, true, survey);
        }
        return new DryRunPlan(tally.rows, tally.invalid, List.copyOf(tally.firstInvalid), plan, liveState);
    }

    /**
     * Fills {@code refused} with the zones in which no call can succeed, read as the run reads them (DescribeZones,
     * one call per {@value DescribeZones#MAX_FILTER_VALUES} zones); from a batch that cannot be read on, the zones are
     * left to their hosts, as the run leaves the zones it cannot read. Says how it went.
     */
    private String readZoneState(ApiAccess access, Set<String> zones, Map<String, StateRefusal> refused) {
        ZoneStateReader reader = new ZoneStateReader(access.newClient(CallPacer.local(rate)), RetryPolicy.DEFAULT,
                BackOffPause.SLEEP);
        String unread = "";
        int read = 0;
        for (List<String> batch : DescribeZones.batches(List.copyOf(zones))) {
            try {
                reader.read(batch).values().forEach(zone -> zone.refusal()
                        .ifPresent(refusal -> refused.put(zone.zoneId(), refusal)));
                read += batch.size();
            } catch (DescribeFailed e) {
                // the batches left would most likely fail as well, each after its retries: the plan waits for none
                unread = ", " + (zones.size() - read) + " zone(s) not read (" + e.getMessage()
                        + "): planned as active";
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "zone state not read (interrupted): every zone is planned as active";
            }
        }
        return "zone state: read with " + reader.callsMade() + " DescribeZones call(s)" + unread;
    }

    /**
     * Fills {@code live} with the hosts of every zone not {@code refused} (the run reads none of theirs), or leaves
     * it empty when it cannot be read; says which.
     */
    private String readLiveState(ApiAccess access, Map<String, List<String>> hostsByZone, Set<String> refused,
                                 Map<String, Map<String, HostConfig>> live) {
        ExecutorService threads = Executors.newFixedThreadPool(DESCRIBE_THREADS);
        try {
            LiveStateReader reader = new LiveStateReader(access.newClient(CallPacer.local(rate)), RetryPolicy.DEFAULT,
                    threads, BackOffPause.SLEEP);
            for (Map.Entry<String, List<String>> zone : hostsByZone.entrySet()) {
                if (!refused.contains(zone.getKey())) {
                    live.put(zone.getKey(), reader.read(zone.getKey(), zone.getValue()));
                }
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

    /**
     * Streams the input through {@code verdict}, counting as it goes, into the plan file if one was asked for and
     * {@code write}; each valid row as the survey's plan decided it (PENDING when it has none yet).
     */
    private Tally pass(UnaryOperator<RotationRow> verdict, boolean write, InputSurvey survey) {
        Tally tally = new Tally();
        Optional<Path> plan = planOutput.filter(file -> write);
        if (plan.isEmpty()) {
            forEachRow(raw -> tally.count(verdict.apply(raw)));
            return tally;
        }
        Instant now = Instant.now();
        reportWriter.write(plan.get(), sink -> forEachRow(raw -> {
            RotationRow row = verdict.apply(raw);
            tally.count(row);
            sink.accept(planned(row, survey.decision(row), now));
        }));
        return tally;
    }

    /** A row of the plan file: INVALID, FAILED before any call, SUCCEEDED unchanged, or PENDING (a call). */
    private static ResultRow planned(RotationRow row, RowDecision decision, Instant now) {
        if (!row.valid()) {
            return result(row, RowStatus.INVALID, ResultsRepository.INVALID_ROW, row.problem(), now);
        }
        if (decision instanceof RowDecision.FailsBeforeCall failure) {
            return result(row, RowStatus.FAILED, failure.code(), failure.message(), now);
        }
        if (decision instanceof RowDecision.Unchanged) {
            return result(row, RowStatus.SUCCEEDED, null, RowOutcome.UNCHANGED, now);
        }
        return result(row, RowStatus.PENDING, null, null, now);
    }

    private static ResultRow result(RotationRow row, RowStatus status, String code, String message, Instant now) {
        return new ResultRow(row.line(), row.zoneId(), row.host(), row.mode(), row.certIdsText(), status, code, message,
                null, 0, now);
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
