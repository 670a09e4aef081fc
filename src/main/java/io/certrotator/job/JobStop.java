package io.certrotator.job;

import io.certrotator.engine.StopSignal;

import java.time.Duration;
import java.util.Optional;

/**
 * Asks the rotation job from outside (a shutdown signal) to stop, in whichever step it is. The load stops at its next
 * row: the chunk being read is not committed, the chunks committed stay with the load's position, and the same command
 * goes on loading from there. The rotation ({@link StopSignal}) sends no new calls and gives those in flight
 * {@code drain} to answer. A stop asked before a step starts stops that step at once.
 */
public class JobStop {

    private final StopSignal rotation;
    private volatile String reason;
    private volatile boolean loading;

    JobStop(StopSignal rotation) {
        this.rotation = rotation;
    }

    /** Stops the job; returns what that means at this moment, in words for the operator. */
    public String stop(String reason, Duration drain) {
        if (this.reason == null) {
            this.reason = reason;
        }
        rotation.stop(reason, drain);
        return loading ? "the input load stops now; the rows it committed are kept and the same command goes on loading"
                : "no new calls; calls in flight have " + drain.toSeconds() + " s to answer";
    }

    void loading(boolean loading) {
        this.loading = loading;
    }

    /** Why the load must stop, once a stop was asked. */
    Optional<String> loadStopped() {
        return Optional.ofNullable(reason);
    }
}
