package io.certrotator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The one place that says whether a certificate expires too soon: before {@code now + within}, expired included. */
record ValidityWindow(Instant now, Duration within) {

    /** Expired, or expiring within the window. An unknown expiry is not expiring. */
    boolean expiring(Optional<Instant> notAfter) {
        return notAfter.map(at -> at.isBefore(now.plus(within))).orElse(false);
    }

    /** For reasons: {@code expires within 30 days}, or {@code has expired} for a window of zero. */
    String describeExpiring() {
        if (within.isZero()) {
            return "has expired";
        }
        long days = within.toDays();
        if (within.equals(Duration.ofDays(days))) {
            return "expires within " + days + (days == 1 ? " day" : " days");
        }
        return "expires within " + within.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
