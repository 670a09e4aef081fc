package io.certrotator.edgeone;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.ErrorClass;

/** A DescribeAccelerationDomains or DescribeZones call that will not be answered: the error that ended its attempts. */
public final class DescribeFailed extends RuntimeException {

    private final ApiResponse.Error error;
    private final long lastTry;

    /** @param lastTry {@link System#nanoTime()} just before the last attempt was sent */
    DescribeFailed(ApiResponse.Error error, long lastTry) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
        this.lastTry = lastTry;
    }

    public ApiResponse.Error error() {
        return error;
    }

    /** {@link System#nanoTime()} just before the last attempt was sent. */
    public long lastTry() {
        return lastTry;
    }

    public boolean fatal() {
        return error.errorClass() == ErrorClass.FATAL;
    }
}
