package io.certrotator.engine;

import java.time.Duration;

/**
 * Asks the rotation from outside the job (a shutdown signal) to stop: no new calls, and the calls in flight
 * get {@code drain} to answer and be recorded. A stop asked before the rotation starts stops it at once.
 */
public class StopSignal {

    private String reason;
    private Duration drain;
    private RotationDispatcher dispatcher;

    public synchronized void stop(String reason, Duration drain) {
        if (this.reason == null) {
            this.reason = reason;
            this.drain = drain;
        }
        if (dispatcher != null) {
            dispatcher.stop(this.reason, this.drain);
        }
    }

    synchronized void attach(RotationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        if (reason != null) {
            dispatcher.stop(reason, drain);
        }
    }

    synchronized void detach() {
        dispatcher = null;
    }
}
