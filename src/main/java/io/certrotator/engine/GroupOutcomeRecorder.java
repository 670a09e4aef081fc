package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.plan.HostGroup;
import io.certrotator.results.PendingRow;
import io.certrotator.results.PreviousState;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Writes what a call decided for its rows, in one transaction per call, as soon as the answer is in. */
class GroupOutcomeRecorder {

    private static final String HOST_NOT_FOUND = "ResourceUnavailable.HostNotFound";
    private static final Logger log = LoggerFactory.getLogger(GroupOutcomeRecorder.class);

    private final ResultsRepository results;
    private final TransactionTemplate transactions;
    private final long instanceId;

    GroupOutcomeRecorder(ResultsRepository results, TransactionTemplate transactions, long instanceId) {
        this.results = results;
        this.transactions = transactions;
        this.instanceId = instanceId;
    }

    void succeeded(HostGroup group, String requestId) {
        record(group, RowOutcome.succeeded(requestId, group.attempts()));
    }

    void failed(HostGroup group, ApiResponse.Error error) {
        log.warn("{} {}: {} after {} attempt(s): {}", group.zoneId(), describeHosts(group), error.code(),
                group.attempts(), error.message());
        record(group, RowOutcome.failed(error.code(), error.message(), error.requestId(), group.attempts()));
    }

    /** Rows whose host already carries the target: SUCCEEDED without a call. */
    void unchanged(List<PendingRow> rows) {
        recordWithoutCall(rows, RowOutcome::unchanged);
    }

    /** What the live read found on the hosts of rows about to be settled or sent: written before either. */
    void previous(List<PreviousState> previous) {
        transactions.executeWithoutResult(s -> results.recordPrevious(instanceId, previous));
    }

    /** Rows whose target would take a key type off their host: FAILED without a call, each with its own message. */
    void wouldDrop(Map<PendingRow, String> messages) {
        transactions.executeWithoutResult(s -> messages.forEach((row, message) -> {
            log.warn("{} {}: {}: {}", row.zoneId(), row.host(), RowOutcome.WOULD_DROP_CERTIFICATE, message);
            results.recordOutcome(instanceId, List.of(row.line()),
                    RowOutcome.failed(RowOutcome.WOULD_DROP_CERTIFICATE, message, null, row.attempts()));
        }));
    }

    /** The rows of a zone in which no call can succeed: FAILED without a call. */
    void refusedByState(List<PendingRow> rows, StateRefusal refusal) {
        log.warn("{}: {} row(s) not sent: {}: {}", rows.get(0).zoneId(), rows.size(), refusal.code(),
                refusal.message());
        failWithoutCall(rows, refusal.code(), refusal.message(), null);
    }

    /** Rows whose host is in a state in which no call can succeed: FAILED without a call, each with its reason. */
    void refusedByState(Map<PendingRow, StateRefusal> refusals) {
        refusals.forEach((row, refusal) -> log.warn("{} {}: not sent: {}: {}", row.zoneId(), row.host(),
                refusal.code(), refusal.message()));
        refusals.keySet().stream().collect(Collectors.groupingBy(refusals::get))
                .forEach((refusal, rows) -> failWithoutCall(rows, refusal.code(), refusal.message(), null));
    }

    /** Rows whose host the zone does not list: FAILED without a call. */
    void notListed(List<PendingRow> rows) {
        log.warn("{}: {} host(s) not in the zone ({}, ...)", rows.get(0).zoneId(), rows.size(), rows.get(0).host());
        failWithoutCall(rows, HOST_NOT_FOUND, "DescribeAccelerationDomains does not list the host in the zone", null);
    }

    /** Rows of a zone the credentials may not act on (the live-state read was refused): FAILED without a call. */
    void zoneRefused(List<PendingRow> rows, ApiResponse.Error error) {
        log.warn("{}: {} row(s) fail: {}: {}", rows.get(0).zoneId(), rows.size(), error.code(), error.message());
        failWithoutCall(rows, error.code(), error.message(), error.requestId());
    }

    /** Rows FAILED without a call of theirs. */
    private void failWithoutCall(List<PendingRow> rows, String code, String message, String requestId) {
        recordWithoutCall(rows, attempts -> RowOutcome.failed(code, message, requestId, attempts));
    }

    /** Rows decided without a call of theirs: each keeps the attempts it had. */
    private void recordWithoutCall(List<PendingRow> rows, IntFunction<RowOutcome> outcome) {
        byAttempts(rows).forEach((attempts, lines) -> transactions.executeWithoutResult(s ->
                results.recordOutcome(instanceId, lines, outcome.apply(attempts))));
    }

    /** SUCCEEDED rows whose host does not show the target after all. */
    void verificationFailed(HostGroup group, String message) {
        log.warn("{} {}: {}: {}", group.zoneId(), describeHosts(group), RowOutcome.VERIFICATION_FAILED, message);
        transactions.executeWithoutResult(s -> results.failSucceeded(instanceId, group.lines(),
                RowOutcome.VERIFICATION_FAILED, message));
    }

    /**
     * A call answered without deciding its rows (a retry, a split or a stop follows): they stay PENDING with
     * the calls made so far, which a later run goes on counting from, even after a crash.
     */
    void undecided(HostGroup group) {
        transactions.executeWithoutResult(s -> results.recordAttempts(instanceId, group.lines(), group.attempts()));
    }

    private void record(HostGroup group, RowOutcome outcome) {
        transactions.executeWithoutResult(s -> results.recordOutcome(instanceId, group.lines(), outcome));
    }

    private static Map<Integer, List<Long>> byAttempts(List<PendingRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(PendingRow::attempts,
                Collectors.mapping(PendingRow::line, Collectors.toList())));
    }

    private static String describeHosts(HostGroup group) {
        var hosts = group.hosts();
        return hosts.size() == 1 ? hosts.get(0) : hosts.size() + " hosts (" + hosts.get(0) + ", ...)";
    }
}
