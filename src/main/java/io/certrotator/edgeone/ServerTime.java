package io.certrotator.edgeone;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's own time, where an answer states it: {@code AuthFailure.SignatureExpire} ends its message with
 * "... between `Timestamp` and the server time 1706406788." (Unix seconds).
 */
public final class ServerTime {

    private static final Pattern STATED = Pattern.compile("server time (\\d{9,12})");

    private ServerTime() {
    }

    public static Optional<Instant> statedIn(ApiResponse.Error error) {
        Matcher matcher = STATED.matcher(error.message() == null ? "" : error.message());
        return matcher.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }
}
