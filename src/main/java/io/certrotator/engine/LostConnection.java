package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.ErrorClassifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The API out of reach: every attempt of a call ended without an answer ({@link ErrorClassifier#isNoAnswer}: refused,
 * timed out or dropped connections, a gateway's HTTP error) and no other call of its action got one meanwhile. The rows are not to blame, so the run
 * stops with them PENDING (exit 1), for the same command to resume once the network is back, rather than failing
 * each row left.
 */
final class LostConnection {

    private LostConnection() {
    }

    /** @param answeredMeanwhile whether another call of the action got an answer since the failed call's first try */
    static boolean is(ApiResponse.Error error, boolean answeredMeanwhile) {
        return ErrorClassifier.isNoAnswer(error.code()) && !answeredMeanwhile;
    }

    /** @param since {@link System#nanoTime()} of the failed call's first try */
    static String reason(String action, ApiResponse.Error error, long since) {
        Instant firstTry = Instant.now().minusNanos(System.nanoTime() - since).truncatedTo(ChronoUnit.SECONDS);
        return "lost the connection to the API: no " + action + " call has had an answer since " + firstTry + " ("
                + error.code() + ": " + error.message() + "): check the network, the proxy or --endpoint";
    }
}
