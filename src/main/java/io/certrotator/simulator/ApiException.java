package io.certrotator.simulator;

/** An API error answered as {@code {"Response":{"Error":{"Code","Message"}}}} with HTTP 200. */
final class ApiException extends RuntimeException {
    private final String code;

    ApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
