package io.certrotator.edgeone;

import java.time.Duration;

/** Waits out the back-off before a retry. */
@FunctionalInterface
public interface BackOffPause {

    /** Waits for all of it, with nothing to cut it short. */
    BackOffPause SLEEP = delay -> {
        Thread.sleep(delay.toMillis());
        return true;
    };

    /** @return false when the wait was cut short because the run stops: no retry then */
    boolean pause(Duration delay) throws InterruptedException;
}
