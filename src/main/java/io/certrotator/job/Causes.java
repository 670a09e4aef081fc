package io.certrotator.job;

import java.util.function.Predicate;

/** Looks through an exception's chain of causes: Spring wraps what went wrong, sometimes several times deep. */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code failure} and its causes that {@code which} accepts, or null. */
    public static Throwable first(Throwable failure, Predicate<Throwable> which) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (which.test(t)) {
                return t;
            }
        }
        return null;
    }

    /** The last cause in the chain, or the first one before it that {@code stopAt} accepts. */
    public static Throwable innermost(Throwable failure, Predicate<Throwable> stopAt) {
        return first(failure, t -> t.getCause() == null || stopAt.test(t));
    }
}
