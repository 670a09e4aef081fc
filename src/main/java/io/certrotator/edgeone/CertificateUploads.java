package io.certrotator.edgeone;

/**
 * Sends UploadCertificate through a client of the SSL service, again while the error is transient and attempts are
 * left (the request is not {@code Repeatable}, so a retry after a lost answer gets the ID of the first). Every
 * attempt is paced by the client.
 */
public final class CertificateUploads {

    /** The upload did not succeed: the API's last answer, or this client's code for none. */
    public static final class Failed extends RuntimeException {
        private final ApiResponse.Error error;

        Failed(ApiResponse.Error error) {
            super(error.code() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        public ApiResponse.Error error() {
            return error;
        }
    }

    private final EdgeOneClient sslClient;
    private final RetryPolicy retryPolicy;

    public CertificateUploads(EdgeOneClient sslClient, RetryPolicy retryPolicy) {
        this.sslClient = sslClient;
        this.retryPolicy = retryPolicy;
    }

    /** @throws Failed when the service refused it, or gave no usable answer before the attempts ran out */
    public UploadedCertificate upload(UploadCertificate request) {
        for (int attempt = 1; ; attempt++) {
            ApiResponse response = sslClient.call(UploadCertificate.ACTION, request.parameters());
            if (response instanceof ApiResponse.Ok ok) {
                return UploadedCertificate.of(ok).orElseThrow(() -> new Failed(new ApiResponse.Error(
                        ErrorClassifier.INVALID_RESPONSE, "the answer names no certificate ID", ok.requestId())));
            }
            ApiResponse.Error error = (ApiResponse.Error) response;
            if (error.errorClass() != ErrorClass.TRANSIENT || !retryPolicy.mayRetryAfter(attempt)) {
                throw new Failed(error);
            }
            try {
                Thread.sleep(retryPolicy.delayAfter(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed(new ApiResponse.Error(error.code(), "interrupted while waiting to retry", null));
            }
        }
    }
}
