package io.certrotator.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The daemon thread that refreshes a progress display every interval, until stopped: the work never waits for it. */
final class ProgressTimer {

    private final ScheduledExecutorService timer;

    ProgressTimer(String threadName, Duration interval, Runnable refresh) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the refreshes, waiting up to a second for one under way, so the display can show its last figures. */
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
