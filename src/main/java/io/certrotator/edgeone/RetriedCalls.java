package io.certrotator.edgeone;

/**
 * Sends a call, and again while its error is transient and the retry policy leaves attempts (every attempt paced by
 * the client); otherwise it fails with the last error. Every call but the change itself retries this way: the reads
 * of the estate, the rotation's live-state and zone-state reads (whose back-off a stop cuts short), the upload.
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
            return call(client, action, parameters, retryPolicy, BackOffPause.SLEEP);
        } catch (DescribeFailed failed) {
            throw new Failed(failed.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(new ApiResponse.Error(ErrorClassifier.NETWORK_ERROR, "stopped before an answer", null));
        }
    }

    /**
     * As {@link #call(EdgeOneClient, String, Object)}, waiting each back-off out with {@code pause}.
     *
     * @throws DescribeFailed when the API refused the call, the attempts ran out, or a stop cut a back-off short
     */
    static ApiResponse.Ok call(EdgeOneClient client, String action, Object parameters, RetryPolicy retryPolicy,
                               BackOffPause pause) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long sent = System.nanoTime();
            ApiResponse response = client.call(action, parameters);
            if (response instanceof ApiResponse.Ok ok) {
                return ok;
            }
            ApiResponse.Error error = (ApiResponse.Error) response;
            if (error.errorClass() != ErrorClass.TRANSIENT || !retryPolicy.mayRetryAfter(attempt)
                    || !pause.pause(retryPolicy.delayAfter(attempt))) {
                throw new DescribeFailed(error, sent);
            }
        }
    }
}
