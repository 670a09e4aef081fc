package io.certrotator.edgeone;

import tools.jackson.databind.JsonNode;

/** The answer to one API call: the response body on success, or an error code with its message. */
public sealed interface ApiResponse {

    String requestId();

    record Ok(String requestId, JsonNode response) implements ApiResponse {
    }

    record Error(String code, String message, String requestId) implements ApiResponse {
        public ErrorClass errorClass() {
            return ErrorClassifier.classify(code);
        }
    }
}
