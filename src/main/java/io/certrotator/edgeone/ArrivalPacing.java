package io.certrotator.edgeone;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes the pacer's token at the last moment: as a network interceptor, after the request is signed and its
 * connection open, right before its bytes are written. The server counts arrivals, and a token taken
 * earlier (before a cold start's class loading, or a new connection) leaves room for two calls to arrive
 * closer than the spacing.
 */
final class ArrivalPacing implements Interceptor {

    private final CallPacer pacer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean first = new AtomicBoolean(true);
    private volatile boolean halted;

    ArrivalPacing(CallPacer pacer) {
        this.pacer = pacer;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            if (first.compareAndSet(true, false)) {
                pacer.awaitFirstPermit();
            } else {
                pacer.awaitPermit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate limiter");
        }
        if (halted) {
            throw new HaltedException();
        }
        sent.incrementAndGet();
        return chain.proceed(chain.request());
    }

    /** Requests waiting for a token are not sent any more. */
    void halt() {
        halted = true;
    }

    long sent() {
        return sent.get();
    }

    /** The run stopped while this request waited for its token: it was never sent. */
    static final class HaltedException extends IOException {
        HaltedException() {
            super("not sent: the run is stopping");
        }
    }
}
