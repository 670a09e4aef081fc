package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.FatalRefusal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The API out of reach: a call's last attempt ended without an answer ({@link ErrorClassifier#isNoAnswer}: refused,
 * timed out or dropped connections, a gateway's HTTP error), its attempts ran out, and no call of the run, whatever
 * its action, got an answer since that attempt. The rows are not to blame, so the run stops with them PENDING
 * (exit 1), for the same command to resume once the network is back, rather than failing each row left. Judged
 * from the last attempt, not the first: calls sent before the outage are still answered after a later call's
 * first attempt.
 */
final class LostConnection {

    private final List<EdgeOneClient> clients;

    /** @param clients every client of the run: an answer to any of them shows the API can be reached */
    LostConnection(EdgeOneClient... clients) {
        this.clients = List.of(clients);
    }

    /**
     * Why the run stops, when the API is out of reach; empty when the error is the API's own answer, or another
     * call was answered since.
     *
     * @param lastTry {@link System#nanoTime()} just before the failed call's last attempt was sent
     */
    Optional<String> stopReason(String action, ApiResponse.Error error, long lastTry) {
        if (!ErrorClassifier.isNoAnswer(error.code()) || clients.stream().anyMatch(c -> c.answeredSince(lastTry))) {
            return Optional.empty();
        }
        Instant lastAnswer = clients.stream().map(EdgeOneClient::lastAnswered).max(Comparator.naturalOrder())
                .orElseThrow();
        return Optional.of("lost the connection to the API: no call has had an answer since "
                + lastAnswer.truncatedTo(ChronoUnit.SECONDS) + " (" + action + ": " + error.code() + ": "
                + error.message() + "): check the network, the proxy or --endpoint");
    }

    /** Why a read whose attempts ended in {@code failed} stops the run: a fatal answer, or the API out of reach. */
    Optional<String> stopReason(String action, DescribeFailed failed) {
        return failed.fatal() ? Optional.of(FatalRefusal.reason(failed.error()))
                : stopReason(action, failed.error(), failed.lastTry());
    }
}
