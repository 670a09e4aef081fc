package io.certrotator.edgeone;

/**
 * Sends a call, and again while its error is transient and the retry policy leaves attempts (every attempt paced by
 * the client); otherwise it fails with the last error. The reads of the estate and the upload retry this way.
 */
public final class RetriedCalls {

    /** A call that did not succeed: the API's last answer, or this client's code for none. */
    public static final class Failed extends RuntimeException {
        private final ApiResponse.Error error;

        public Failed(ApiResponse.Error error) {
            super(error.code() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        public ApiResponse.Error error() {
            return error;
        }
    }

    private final RetryPolicy retryPolicy;

    public RetriedCalls(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    /** @throws Failed when the API refused the call, or gave no usable answer before the attempts ran out */
    public ApiResponse.Ok call(EdgeOneClient client, String action, Object parameters) {
        try {
            for (int attempt = 1; ; attempt++) {
                ApiResponse response = client.call(action, parameters);
                if (response instanceof ApiResponse.Ok ok) {
                    return ok;
                }
                ApiResponse.Error error = (ApiResponse.Error) response;
                if (error.errorClass() != ErrorClass.TRANSIENT || !retryPolicy.mayRetryAfter(attempt)) {
                    throw new Failed(error);
                }
                Thread.sleep(retryPolicy.delayAfter(attempt).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(new ApiResponse.Error(ErrorClassifier.NETWORK_ERROR, "stopped before an answer", null));
        }
    }
}
