package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.plan.HostGroup;
import io.certrotator.plan.RowDecision;
import io.certrotator.results.PendingRow;
import io.certrotator.results.PreviousState;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes what a call decided for its rows, in one transaction per call, as soon as the answer is in. With the
 * read-back on, an accepted call's rows stay PENDING (with its request ID) until their hosts are read back.
 */
class GroupOutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(GroupOutcomeRecorder.class);

    private final ResultsRepository results;
    private final TransactionTemplate transactions;
    private final long instanceId;
    private final boolean readBack;

    /** @param readBack whether accepted hosts are read back before their rows are SUCCEEDED */
    GroupOutcomeRecorder(ResultsRepository results, TransactionTemplate transactions, long instanceId,
                         boolean readBack) {
        this.results = results;
        this.transactions = transactions;
        this.instanceId = instanceId;
        this.readBack = readBack;
    }

    /** The API accepted the call: its rows are SUCCEEDED, or, to be read back, accepted. */
    void succeeded(HostGroup group, String requestId) {
        if (readBack) {
            transactions.executeWithoutResult(s -> results.recordAccepted(instanceId, group.lines(), requestId,
                    group.attempts()));
        } else {
            record(group, RowOutcome.succeeded(requestId, group.attempts()));
        }
    }

    void failed(HostGroup group, ApiResponse.Error error) {
        log.warn("{} {}: {} after {} attempt(s): {}", group.zoneId(), describeHosts(group.hosts()), error.code(),
                group.attempts(), error.message());
        record(group, RowOutcome.failed(error.code(), error.message(), error.requestId(), group.attempts()));
    }

    /** What the live read found on the hosts of rows about to be settled or sent: written before either. */
    void previous(List<PreviousState> previous) {
        transactions.executeWithoutResult(s -> results.recordPrevious(instanceId, previous));
    }

    /** Rows settled before a call of theirs, as {@link RowDecision} decided: unchanged, or FAILED with its reason. */
    void withoutCall(RowDecision decision, List<PendingRow> rows) {
        if (decision instanceof RowDecision.FailsBeforeCall fails) {
            failedWithoutCall(rows, fails.code(), fails.message(), null);
        } else {
            // a host accepted before a stop and read now is SUCCEEDED by that call; any other carried the target
            recordWithoutCall(rows, row -> row.acceptedBy() == null ? RowOutcome.unchanged(row.attempts())
                    : RowOutcome.succeeded(row.acceptedBy(), row.attempts()));
        }
    }

    /** Rows FAILED without a call of theirs (a zone that refused, a host not listed, a state that lets none succeed). */
    void failedWithoutCall(List<PendingRow> rows, String code, String message, String requestId) {
        log.warn("{} {}: not sent: {}: {}", rows.get(0).zoneId(), describeHosts(rows.stream().map(PendingRow::host)
                .distinct().toList()), code, message);
        recordWithoutCall(rows, row -> RowOutcome.failed(code, message, requestId, row.attempts()));
    }

    /** Rows decided without a call of theirs: each keeps the attempts it had. */
    private void recordWithoutCall(List<PendingRow> rows, Function<PendingRow, RowOutcome> outcome) {
        rows.stream().collect(Collectors.groupingBy(outcome, Collectors.mapping(PendingRow::line,
                Collectors.toList()))).forEach((decided, lines) -> transactions.executeWithoutResult(s ->
                results.recordOutcome(instanceId, lines, decided)));
    }

    /** Accepted rows whose host shows the target when read back: SUCCEEDED. */
    void verified(List<Long> lines) {
        transactions.executeWithoutResult(s -> results.confirmAccepted(instanceId, lines));
    }

    /** Accepted rows whose host does not show the target after all. */
    void verificationFailed(HostGroup group, String message) {
        log.warn("{} {}: {}: {}", group.zoneId(), describeHosts(group.hosts()), RowOutcome.VERIFICATION_FAILED,
                message);
        transactions.executeWithoutResult(s -> results.failAccepted(instanceId, group.lines(),
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

    private static String describeHosts(List<String> hosts) {
        return hosts.size() == 1 ? hosts.get(0) : hosts.size() + " hosts (" + hosts.get(0) + ", ...)";
    }
}
