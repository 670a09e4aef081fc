package io.certrotator.edgeone;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.ErrorClass;

/** A DescribeAccelerationDomains or DescribeZones call that will not be answered: the error that ended its attempts. */
public final class DescribeFailed extends RuntimeException {

    private final ApiResponse.Error error;

    DescribeFailed(ApiResponse.Error error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public ApiResponse.Error error() {
        return error;
    }

    public boolean fatal() {
        return error.errorClass() == ErrorClass.FATAL;
    }
}
