package io.certrotator.job;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.plan.HostGroup;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes what a call decided for its rows, in one transaction per call, as soon as the answer is in. */
class GroupOutcomeRecorder {

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

    private static String describeHosts(HostGroup group) {
        var hosts = group.hosts();
        return hosts.size() == 1 ? hosts.get(0) : hosts.size() + " hosts (" + hosts.get(0) + ", ...)";
    }
}
