package io.certrotator.estate;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.RetryPolicy;

import java.util.Map;

/**
 * Sends a read and tries it again, like the rotation's Describe calls, while its error is transient and attempts are
 * left (every attempt paced by the client); otherwise it fails with the last error.
 */
final class RetriedCalls {

    /** A read that did not succeed: the API's last answer. */
    static final class Failed extends RuntimeException {
        private final ApiResponse.Error error;

        Failed(ApiResponse.Error error) {
            super(error.code() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        ReadFailure failure() {
            return ReadFailure.of(error);
        }
    }

    private final RetryPolicy retryPolicy;

    RetriedCalls(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    ApiResponse.Ok call(EdgeOneClient client, String action, Map<String, Object> parameters) {
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
            throw new Failed(new ApiResponse.Error(ErrorClassifier.NETWORK_ERROR, "the read was stopped", null));
        }
    }
}
