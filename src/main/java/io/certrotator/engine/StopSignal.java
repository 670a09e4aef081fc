package io.certrotator.engine;

import java.time.Duration;

/**
 * Asks the rotation from outside the job (a shutdown signal) to stop: no new calls, and the calls in flight
 * get {@code drain} to answer and be recorded. A stop asked before the rotation starts stops it at once.
 */
public class StopSignal {

    private String reason;
    private Duration drain;
    private RunStop run;

    public synchronized void stop(String reason, Duration drain) {
        if (this.reason == null) {
            this.reason = reason;
            this.drain = drain;
        }
        if (run != null) {
            run.stop(this.reason, this.drain);
        }
    }

    synchronized void attach(RunStop run) {
        this.run = run;
        if (reason != null) {
            run.stop(reason, drain);
        }
    }

    synchronized void detach() {
        run = null;
    }
}
