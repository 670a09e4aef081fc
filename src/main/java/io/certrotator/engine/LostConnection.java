package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.ErrorClassifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The API out of reach: a call's last attempt ended without an answer ({@link ErrorClassifier#isNoAnswer}: refused,
 * timed out or dropped connections, a gateway's HTTP error), its attempts ran out, and no other call of its action
 * got an answer since that attempt. The rows are not to blame, so the run stops with them PENDING (exit 1), for the
 * same command to resume once the network is back, rather than failing each row left. Judged from the last attempt,
 * not the first: calls sent before the outage are still answered after a later call's first attempt.
 */
final class LostConnection {

    private LostConnection() {
    }

    /** @param answeredMeanwhile whether another call of the action got an answer since the failed call's last try */
    static boolean is(ApiResponse.Error error, boolean answeredMeanwhile) {
        return ErrorClassifier.isNoAnswer(error.code()) && !answeredMeanwhile;
    }

    /** @param lastAnswer when a call of the action last got an answer (or the run started, if none did) */
    static String reason(String action, ApiResponse.Error error, Instant lastAnswer) {
        return "lost the connection to the API: no " + action + " call has had an answer since "
                + lastAnswer.truncatedTo(ChronoUnit.SECONDS) + " (" + error.code() + ": " + error.message()
                + "): check the network, the proxy or --endpoint";
    }
}
