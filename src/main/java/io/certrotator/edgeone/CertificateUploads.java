package io.certrotator.edgeone;

/**
 * Sends UploadCertificate through a client of the SSL service, again while the error is transient and attempts are
 * left (the request is not {@code Repeatable}, so a retry after a lost answer gets the ID of the first). Every
 * attempt is paced by the client.
 */
public final class CertificateUploads {

    private final EdgeOneClient sslClient;
    private final RetriedCalls calls;

    public CertificateUploads(EdgeOneClient sslClient, RetryPolicy retryPolicy) {
        this.sslClient = sslClient;
        this.calls = new RetriedCalls(retryPolicy);
    }

    /** @throws RetriedCalls.Failed when the service refused it, or gave no usable answer before the attempts ran out */
    public UploadedCertificate upload(UploadCertificate request) {
        ApiResponse.Ok ok = calls.call(sslClient, UploadCertificate.ACTION, request.parameters());
        return UploadedCertificate.of(ok).orElseThrow(() -> new RetriedCalls.Failed(new ApiResponse.Error(
                ErrorClassifier.INVALID_RESPONSE, "the answer names no certificate ID", ok.requestId())));
    }
}
