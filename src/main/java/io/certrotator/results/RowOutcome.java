package io.certrotator.results;

/** What one API call (or the validation) decided for the rows it concerned. */
public record RowOutcome(RowStatus status, String errorCode, String errorMessage, String requestId, int attempts) {

    public static final String UNCHANGED = "unchanged";
    /** The error code of a row whose host, read back after an accepted call, does not show the target. */
    public static final String VERIFICATION_FAILED = "VerificationFailed";
    /** The error code of a row whose target would take a key type (RSA, ECC) off its host: nothing was sent. */
    public static final String WOULD_DROP_CERTIFICATE = "WouldDropCertificate";

    public static RowOutcome succeeded(String requestId, int attempts) {
        return new RowOutcome(RowStatus.SUCCEEDED, null, null, requestId, attempts);
    }

    /** The host already carried the target: nothing was sent. */
    public static RowOutcome unchanged(int attempts) {
        return new RowOutcome(RowStatus.SUCCEEDED, null, UNCHANGED, null, attempts);
    }

    public static RowOutcome failed(String errorCode, String errorMessage, String requestId, int attempts) {
        return new RowOutcome(RowStatus.FAILED, errorCode, errorMessage, requestId, attempts);
    }
}
