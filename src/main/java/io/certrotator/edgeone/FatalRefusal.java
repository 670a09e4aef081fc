package io.certrotator.edgeone;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a command stops on a fatal answer ({@link ErrorClass#FATAL}), to any action, in words that say what to do about
 * it: the rotation's stop, the estate read's, the upload's.
 */
public final class FatalRefusal {

    private FatalRefusal() {
    }

    /** As {@link #reason(ApiResponse.Error, Instant)}, for an answer that has just come. */
    public static String reason(ApiResponse.Error error) {
        return reason(error, Instant.now());
    }

    /** @param now this machine's time when the answer came */
    static String reason(ApiResponse.Error error, Instant now) {
        return switch (error.code()) {
            case ErrorClassifier.SIGNATURE_EXPIRE -> ServerTime.statedIn(error)
                    .map(serverTime -> "this machine's clock is about " + offset(now, serverTime) + " the API's ("
                            + error.code() + ": a request may be at most 5 minutes off the API's time)")
                    .orElse("this machine's clock differs from the API's by more than 5 minutes (" + error.code() + ")")
                    + ": sync it (NTP, chrony)";
            case ErrorClassifier.TOKEN_FAILURE -> "the session token has expired or is not valid (" + error.code()
                    + "), and the credentials read again gave no valid one: renew the temporary credentials (a new "
                    + "TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_SESSION_TOKEN, or the token in "
                    + "the credentials file; a CVM role renews its own)";
            default -> "the API refused the call with " + error.code() + ": " + error.message();
        };
    }

    /** "7 minutes behind", "3 hours ahead of": to the nearest unit, as the API states its time in whole seconds. */
    private static String offset(Instant now, Instant serverTime) {
        long minutes = Math.round(Duration.between(serverTime, now).abs().toSeconds() / 60.0);
        String size = minutes < 120 ? minutes + " minutes"
                : minutes < 48 * 60 ? Math.round(minutes / 60.0) + " hours" : Math.round(minutes / 1440.0) + " days";
        return size + (now.isBefore(serverTime) ? " behind" : " ahead of");
    }
}
