package io.certrotator.estate;

/** The zones themselves could not be listed: nothing of the estate is known. */
public final class EstateReadException extends RuntimeException {

    private final ReadFailure failure;

    EstateReadException(ReadFailure failure) {
        super("DescribeZones failed with " + failure.code() + ": " + failure.message());
        this.failure = failure;
    }

    public ReadFailure failure() {
        return failure;
    }
}
