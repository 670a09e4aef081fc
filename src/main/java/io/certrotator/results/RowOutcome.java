package io.certrotator.results;

/** What one API call (or the validation) decided for the rows it concerned. */
public record RowOutcome(RowStatus status, String errorCode, String errorMessage, String requestId, int attempts) {

    public static RowOutcome succeeded(String requestId, int attempts) {
        return new RowOutcome(RowStatus.SUCCEEDED, null, null, requestId, attempts);
    }

    public static RowOutcome failed(String errorCode, String errorMessage, String requestId, int attempts) {
        return new RowOutcome(RowStatus.FAILED, errorCode, errorMessage, requestId, attempts);
    }
}
