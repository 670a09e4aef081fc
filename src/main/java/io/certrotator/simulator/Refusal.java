package io.certrotator.simulator;

import java.util.concurrent.atomic.AtomicReference;

/** A fault knob: while a code is set, every call of the action is answered with it. */
final class Refusal {

    private final AtomicReference<String> code = new AtomicReference<>();

    /** @param code the error code every call answers from now on; null serves them again */
    void set(String code) {
        this.code.set(code);
    }

    /** @throws ApiException with the code set and {@code message}, while one is set */
    void check(String message) {
        String refused = code.get();
        if (refused != null) {
            throw new ApiException(refused, message);
        }
    }
}
