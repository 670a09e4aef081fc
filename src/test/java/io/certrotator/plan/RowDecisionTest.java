package io.certrotator.plan;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.HostState;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.results.RowOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowDecisionTest {

    private static final HostConfig.Cert RSA = new HostConfig.Cert("cert-rsa", HostConfig.DEPLOYED, "RSA 2048");
    private static final HostConfig.Cert ECC = new HostConfig.Cert("cert-ecc", HostConfig.DEPLOYED, "ECC 256");

    private static HostConfig host(HostState state, HostConfig.Cert... certs) {
        return new HostConfig("sslcert", List.of(certs), state);
    }

    @Test
    void aRowWhoseHostCarriesItsTargetIsUnchangedWhateverTheHostsState() {
        assertThat(RowDecision.forHost(host(HostState.FORBIDDEN, RSA), "sslcert", List.of("cert-rsa"), false))
                .isEqualTo(RowDecision.UNCHANGED);
    }

    @Test
    void aRowOfAForbiddenHostFailsBeforeAnyCallWithHostForbidden() {
        RowDecision decision = RowDecision.forHost(host(HostState.FORBIDDEN, RSA), "sslcert", List.of("cert-new"),
                false);

        assertThat(decision).isInstanceOfSatisfying(RowDecision.FailsBeforeCall.class,
                failure -> assertThat(failure.code()).isEqualTo(StateRefusal.HOST_FORBIDDEN));
    }

    @Test
    void aRowOfAnInitHostFailsBeforeAnyCallAsItsZoneIsNotActive() {
        RowDecision decision = RowDecision.forHost(host(HostState.INIT, RSA), "sslcert", List.of("cert-new"), false);

        assertThat(decision).isInstanceOfSatisfying(RowDecision.FailsBeforeCall.class,
                failure -> assertThat(failure.code()).isEqualTo(StateRefusal.ZONE_NOT_ACTIVE));
    }

    @Test
    void aRowThatWouldTakeTheEccCertificateOffItsHostFailsWithWouldDropCertificate() {
        RowDecision decision = RowDecision.forHost(host(HostState.ONLINE, RSA, ECC), "sslcert", List.of("cert-rsa"),
                false);

        assertThat(decision).isInstanceOfSatisfying(RowDecision.FailsBeforeCall.class, failure -> {
            assertThat(failure.code()).isEqualTo(RowOutcome.WOULD_DROP_CERTIFICATE);
            assertThat(failure.message()).contains("ECC certificate cert-ecc");
        });
    }

    @Test
    void aRowThatWouldTakeAKeyTypeOffItsHostIsSentWhenDroppingIsAllowed() {
        assertThat(RowDecision.forHost(host(HostState.ONLINE, RSA, ECC), "sslcert", List.of("cert-rsa"), true))
                .isEqualTo(RowDecision.SEND);
    }

    @Test
    void aForbiddenHostFailsForItsStateBeforeWhatItsTargetWouldDrop() {
        RowDecision decision = RowDecision.forHost(host(HostState.FORBIDDEN, RSA, ECC), "sslcert",
                List.of("cert-rsa"), false);

        assertThat(decision).isInstanceOf(RowDecision.Refused.class);
    }

    @Test
    void aRowOfAnOfflineHostIsSentForTheReadBackToDecide() {
        assertThat(RowDecision.forHost(host(HostState.OFFLINE, RSA), "sslcert", List.of("cert-new"), false))
                .isEqualTo(RowDecision.SEND);
    }
}
