package io.certrotator.engine;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of daemon threads that holds at most two tasks per thread, running or queued: a submit waits for
 * room, so the rows are never read far ahead of the calls. Takes nothing once the run stops.
 */
final class Workers {

    private final ThreadPoolExecutor pool;
    private final Semaphore room;
    private final RunStop stop;

    Workers(String name, int threads, RunStop stop, Runnable whenAllDone) {
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named(name)) {
            @Override
            protected void terminated() {
                whenAllDone.run();
            }
        };
        this.room = new Semaphore(threads * 2);
        this.stop = stop;
        // lets one waiting submit through, which finds the run stopped and passes the permit on to the next
        stop.whenStopped(room::release);
    }

    /** The task's future, or empty when the run stopped (before or while waiting for room). */
    <T> Optional<Future<T>> submit(Callable<T> task) {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop("interrupted");
            return Optional.empty();
        }
        if (stop.stopped()) {
            room.release();
            return Optional.empty();
        }
        return Optional.of(pool.submit(() -> {
            try {
                return task.call();
            } finally {
                room.release();
            }
        }));
    }

    /** No more tasks: the pool ends, and says so, once those it has are done. */
    void shutdown() {
        pool.shutdown();
    }

    boolean allDone() {
        return pool.isTerminated();
    }
}
