package io.certrotator.edgeone;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes the pacer's token at the last moment: as a network interceptor, after the request is signed and its
 * connection open, right before its bytes are written. The server counts arrivals, and a token taken
 * earlier (before a cold start's class loading, or a new connection) leaves room for two calls to arrive
 * closer than the spacing.
 * <p>
 * As the calls' event listener it also sees when the request's bytes are written: one written more than
 * {@link #WRITE_ALLOWANCE} after its token (the thread was paused, or a collection stopped the JVM) pushes
 * the next tokens back by the excess, so that it and the calls after it still arrive a spacing apart.
 * <p>
 * Once halted it sends nothing more: the threads waiting for a token are interrupted (at a low rate a queue of them
 * would otherwise take a spacing each to find out) and their requests fail with {@link HaltedException}.
 */
final class ArrivalPacing extends EventListener implements Interceptor {

    static final Duration WRITE_ALLOWANCE = Duration.ofMillis(2);
    private static final ThreadLocal<Long> tokenTakenAt = new ThreadLocal<>();

    private final CallPacer pacer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final Set<Thread> waitingForToken = new HashSet<>();
    private boolean halted;

    ArrivalPacing(CallPacer pacer) {
        this.pacer = pacer;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        awaitToken();
        sent.incrementAndGet();
        tokenTakenAt.set(pacer.clock().nanoTime());
        try {
            return chain.proceed(chain.request());
        } finally {
            tokenTakenAt.remove();
            answered.incrementAndGet();
        }
    }

    private void awaitToken() throws IOException {
        Thread caller = Thread.currentThread();
        synchronized (waitingForToken) {
            if (halted) {
                throw new HaltedException();
            }
            waitingForToken.add(caller);
        }
        boolean interrupted = false;
        try {
            if (first.compareAndSet(true, false)) {
                pacer.awaitFirstPermit();
            } else {
                pacer.awaitPermit();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        synchronized (waitingForToken) {
            waitingForToken.remove(caller);
            if (halted) {
                Thread.interrupted(); // the interrupt was the halt's, not the caller's
                throw new HaltedException();
            }
        }
        if (interrupted) {
            caller.interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate limiter");
        }
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        written();
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        written();
    }

    /** Called on the thread that took the token, once the headers are written and again after the body. */
    private void written() {
        Long takenAt = tokenTakenAt.get();
        if (takenAt == null) {
            return;
        }
        long late = pacer.clock().nanoTime() - takenAt - WRITE_ALLOWANCE.toNanos();
        if (late > 0) {
            pacer.pushBack(Duration.ofNanos(late));
            tokenTakenAt.set(takenAt + late);
        }
    }

    /** Requests waiting for a token, and those to come, are not sent. */
    void halt() {
        synchronized (waitingForToken) {
            halted = true;
            waitingForToken.forEach(Thread::interrupt);
        }
    }

    long sent() {
        return sent.get();
    }

    /** Requests sent and not answered yet (an answer, an error or a timeout). */
    long inFlight() {
        return sent.get() - answered.get();
    }

    /** The run stopped while this request waited for its token: it was never sent. */
    static final class HaltedException extends IOException {
        HaltedException() {
            super("not sent: the run is stopping");
        }
    }
}
