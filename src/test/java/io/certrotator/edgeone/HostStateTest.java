package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Per DomainStatus: whether a certificate change is sent, refused before any call, or cannot show. */
class HostStateTest {

    @Test
    void anOnlineHostOrOneBeingDeployedIsSentAndShowsTheChange() {
        for (String status : new String[] {"online", "process"}) {
            HostState state = HostState.of(status);
            assertThat(state.refusal()).as(status).isEmpty();
            assertThat(state.showsChanges()).as(status).isTrue();
        }
    }

    @Test
    void anOfflineHostIsSentButCannotShowTheChange() {
        assertThat(HostState.of("offline").refusal()).isEmpty();
        assertThat(HostState.of("offline").showsChanges()).isFalse();
        assertThat(HostState.of("offline").readBackNote()).startsWith("the host is offline");
    }

    @Test
    void aVerificationMessageNamesTheStateOfAHostNotOnline() {
        assertThat(HostState.of("online").readBackNote()).isEmpty();
        assertThat(HostState.of("process").readBackNote()).isEqualTo("the host's status is process: ");
    }

    @Test
    void aHostWaitingForItsZoneFailsBeforeAnyCallWithTheApisInvalidZoneStatus() {
        assertThat(HostState.of("init").refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo("FailedOperation.InvalidZoneStatus");
            assertThat(refusal.message()).contains("init").contains("zone is active");
        });
    }

    @Test
    void aForbiddenHostFailsBeforeAnyCallWithHostForbidden() {
        assertThat(HostState.of("forbidden").refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(StateRefusal.HOST_FORBIDDEN);
            assertThat(refusal.message()).contains("forbidden");
        });
    }

    @Test
    void aStatusNotShownOrNotKnownLetsTheCallDecide() {
        for (String status : new String[] {"", null, "deleting"}) {
            assertThat(HostState.of(status)).isEqualTo(HostState.UNKNOWN);
            assertThat(HostState.of(status).refusal()).isEmpty();
            assertThat(HostState.of(status).showsChanges()).isTrue();
        }
    }
}
