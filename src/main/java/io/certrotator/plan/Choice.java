package io.certrotator.plan;

import java.time.Instant;
import java.util.Optional;

/** What replaces one certificate of a host: a certificate, or nothing and why. */
sealed interface Choice {

    record Chosen(String certId, Optional<Instant> notAfter) implements Choice {
    }

    record NoCandidate(String reason) implements Choice {
    }
}
