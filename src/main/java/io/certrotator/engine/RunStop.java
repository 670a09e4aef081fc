package io.certrotator.engine;

import io.certrotator.edgeone.BackOffPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the run stops, and why; what a stop does (halting the clients, waking whoever waits for a back-off or
 * for room); and when the run is over: when its work is done, or when a stop's drain time has passed.
 */
final class RunStop implements BackOffPause {

    private static final Logger log = LoggerFactory.getLogger(RunStop.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch over = new CountDownLatch(1);
    private final List<Runnable> onStop = new ArrayList<>();
    private volatile String reason;

    /** Runs {@code action} when the run stops (at once if it has). */
    void whenStopped(Runnable action) {
        synchronized (onStop) {
            if (reason == null) {
                onStop.add(action);
                return;
            }
        }
        action.run();
    }

    /** No new calls; the calls in flight are waited for and their answers recorded. */
    void stop(String why) {
        synchronized (onStop) {
            if (reason != null) {
                return;
            }
            reason = why;
        }
        log.error("Stopping the run: {}", why);
        onStop.forEach(Runnable::run);
        stopped.countDown();
    }

    /** As {@link #stop(String)}, but the run is over {@code drain} from now even if calls are still in flight. */
    void stop(String why, Duration drain) {
        stop(why);
        CompletableFuture.delayedExecutor(drain.toNanos(), TimeUnit.NANOSECONDS).execute(over::countDown);
    }

    boolean stopped() {
        return reason != null;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public boolean pause(Duration delay) throws InterruptedException {
        return !stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The run's work is all done. */
    void workDone() {
        over.countDown();
    }

    /** Waits until the work is done, or a stop's drain time has passed. */
    void awaitOver() throws InterruptedException {
        over.await();
    }
}
