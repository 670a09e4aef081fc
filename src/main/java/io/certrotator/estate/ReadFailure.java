package io.certrotator.estate;

import io.certrotator.edgeone.ApiResponse;

/** Why a part of the estate could not be read: the API's error code and message. */
public record ReadFailure(String code, String message) {

    static ReadFailure of(ApiResponse.Error error) {
        return new ReadFailure(error.code(), error.message());
    }
}
