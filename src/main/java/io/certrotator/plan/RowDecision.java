package io.certrotator.plan;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.results.RowOutcome;

import java.util.List;
import java.util.Optional;

/**
 * What becomes of a row, given its zone's state and its host's live configuration, before any ModifyHostsCertificate
 * call: it is sent, it is unchanged (its host carries its target already), or it fails before a call with a code and
 * a message. The one place this is decided, for the run (which records it) and the dry run (which counts it), so that
 * the dry run predicts the run. A zone whose state lets no call succeed
 * ({@link io.certrotator.edgeone.ZoneState#refusal()}) comes first: all its rows are {@link Refused}, its hosts not
 * read.
 */
public sealed interface RowDecision {

    Send SEND = new Send();
    Unchanged UNCHANGED = new Unchanged();

    /**
     * A row of a zone whose calls may go, by what its host carries: unchanged when already on the target (whatever
     * the host's state), failed when the host's state lets no call succeed, failed when the target would take a key
     * type off the host (unless {@code allowDropping}), else sent.
     */
    static RowDecision forHost(HostConfig host, String mode, List<String> certIds, boolean allowDropping) {
        if (host.towards(mode, certIds) == HostConfig.Progress.DONE) {
            return UNCHANGED;
        }
        Optional<StateRefusal> hostRefusal = host.state().refusal();
        if (hostRefusal.isPresent()) {
            return new Refused(hostRefusal.get());
        }
        Optional<HostConfig.Dropped> dropped = allowDropping ? Optional.empty() : host.wouldDrop(mode, certIds);
        return dropped.<RowDecision>map(d -> new WouldDrop(d.message())).orElse(SEND);
    }

    /** The row goes to the grouper and a call. */
    record Send() implements RowDecision {
    }

    /** The host carries the target already: SUCCEEDED without a call. */
    record Unchanged() implements RowDecision {
    }

    /** FAILED without a call, with the report's error code and message. */
    sealed interface FailsBeforeCall extends RowDecision {
        String code();

        String message();
    }

    /** The zone's or the host's state lets no call succeed. */
    record Refused(StateRefusal refusal) implements FailsBeforeCall {
        @Override
        public String code() {
            return refusal.code();
        }

        @Override
        public String message() {
            return refusal.message();
        }
    }

    /** The target would take a key type off the host ({@link HostConfig#wouldDrop}). */
    record WouldDrop(String message) implements FailsBeforeCall {
        @Override
        public String code() {
            return RowOutcome.WOULD_DROP_CERTIFICATE;
        }
    }
}
