package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignatureVerificationTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(b -> b
            .seedCsv(SimulatorExtension.resource("simulator/seed.csv"))
            .credentials("AKIDwithtoken", "token-key", "session-token"));

    private static final String ROTATE_WWW = """
            {"ZoneId":"zone-alpha1","Hosts":["www.example.com"],"Mode":"sslcert","ServerCertInfo":[{"CertId":"cert-new-www"}]}""";

    @Test
    void acceptsTheRightKeyThroughTheSdkAndChangesTheHost() throws Exception {
        String body = sim.call("ModifyHostsCertificate", ROTATE_WWW);

        assertThat(body).contains("\"RequestId\"").doesNotContain("Error");
        assertThat(sim.host("zone-alpha1", "www.example.com"))
                .isEqualTo(HostCertificate.deployed("sslcert", List.of("cert-new-www")));
        assertThat(sim.callLog().records()).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallRecord.OK);
            assertThat(call.hosts()).containsExactly("www.example.com");
            assertThat(call.certIds()).containsExactly("cert-new-www");
            assertThat(body).contains(call.requestId());
        });
    }

    @Test
    void refusesAWrongSecretKeyWithSignatureFailure() {
        assertErrorCode(() -> sim.client(SimulatorExtension.SECRET_ID, "wrong-key").call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.SIGNATURE_FAILURE);
        assertThat(sim.host("zone-alpha1", "www.example.com").certIds()).containsExactly("cert-old-zone-alpha1");
    }

    @Test
    void refusesAnUnknownSecretIdWithSecretIdNotFound() {
        assertErrorCode(() -> sim.client("AKIDunknown", SimulatorExtension.SECRET_KEY).call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.SECRET_ID_NOT_FOUND);
    }

    @Test
    void refusesASignatureForTheLoopbackEndpointBecauseItNamesService127() {
        assertErrorCode(() -> sim.clientWithLoopbackEndpoint().call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void refusesATimestampSixMinutesOldWithSignatureExpire() throws Exception {
        RawApiClient raw = new RawApiClient(sim.port());

        assertThat(raw.signed("ModifyHostsCertificate", "2022-09-01", ROTATE_WWW, Instant.now().minus(Duration.ofMinutes(6)))
                .errorCode()).isEqualTo(ErrorCodes.SIGNATURE_EXPIRE);
        assertThat(raw.signed("ModifyHostsCertificate", "2022-09-01", ROTATE_WWW, Instant.now().minus(Duration.ofMinutes(4)))
                .errorCode()).isEqualTo(CallRecord.OK);
    }

    @Test
    void acceptsOriginFormRequestsSignedForTheHostTheyName() throws Exception {
        RawApiClient.Answer answer = new RawApiClient(sim.port())
                .signed("ModifyHostsCertificate", "2022-09-01", ROTATE_WWW, Instant.now());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("Response").path("RequestId").asString()).isNotBlank();
    }

    @Test
    void refusesAMissingOrMalformedAuthorizationWithSignatureFailure() throws Exception {
        RawApiClient raw = new RawApiClient(sim.port());
        byte[] body = ROTATE_WWW.getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());

        RawApiClient.Answer missing = raw.send(raw.request(body).header("X-TC-Action", "ModifyHostsCertificate")
                .header("X-TC-Version", "2022-09-01").header("X-TC-Timestamp", now));
        RawApiClient.Answer garbage = raw.send(raw.request(body).header("X-TC-Action", "ModifyHostsCertificate")
                .header("X-TC-Version", "2022-09-01").header("X-TC-Timestamp", now)
                .header("Authorization", "TC3-HMAC-SHA256 Credential=nonsense"));

        assertThat(missing.errorCode()).isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
        assertThat(garbage.errorCode()).isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void refusesABodyChangedAfterSigning() throws Exception {
        RawApiClient raw = new RawApiClient(sim.port());
        long now = Instant.now().getEpochSecond();
        String authorization = Tc3Signer.authorization(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY, "teo",
                now, RawApiClient.CONTENT_TYPE, "127.0.0.1:" + sim.port(), "{}".getBytes(StandardCharsets.UTF_8));

        RawApiClient.Answer answer = raw.send(raw.request(ROTATE_WWW.getBytes(StandardCharsets.UTF_8))
                .header("X-TC-Action", "ModifyHostsCertificate").header("X-TC-Version", "2022-09-01")
                .header("X-TC-Timestamp", Long.toString(now)).header("Authorization", authorization));

        assertThat(answer.errorCode()).isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void refusesAnotherApiVersionWithNoSuchVersion() throws Exception {
        assertThat(new RawApiClient(sim.port()).signed("ModifyHostsCertificate", "2018-06-14", ROTATE_WWW, Instant.now())
                .errorCode()).isEqualTo(ErrorCodes.NO_SUCH_VERSION);
    }

    @Test
    void refusesAnUnknownActionWithInvalidAction() {
        assertErrorCode(() -> sim.call("DeleteEverything", "{}"), ErrorCodes.INVALID_ACTION);
    }

    @Test
    void answersAnUnparseableBodyWithInvalidParameter() throws Exception {
        RawApiClient.Answer answer = new RawApiClient(sim.port())
                .signed("ModifyHostsCertificate", "2022-09-01", "{not json", Instant.now());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorCode()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertErrorCode(() -> sim.call("ModifyHostsCertificate", "[1,2]"), ErrorCodes.INVALID_PARAMETER);
    }

    @Test
    void requiresTheSessionTokenOfACredentialThatHasOne() throws Exception {
        Credential withToken = new Credential("AKIDwithtoken", "token-key", "session-token");
        Credential withoutToken = new Credential("AKIDwithtoken", "token-key");

        assertThat(sim.client(withToken, 10).call("ModifyHostsCertificate", ROTATE_WWW)).doesNotContain("Error");
        assertErrorCode(() -> sim.client(withoutToken, 10).call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.TOKEN_FAILURE);
    }

    @Test
    void aSessionTokenSetToExpireAfterSomeCallsIsRefusedWithTokenFailureFromTheNextAndARenewedOneIsAccepted()
            throws Exception {
        Credential expiring = new Credential("AKIDwithtoken", "token-key", "session-token");
        sim.simulator().expireSessionTokenAfter("session-token", 2);

        sim.client(expiring, 10).call("ModifyHostsCertificate", ROTATE_WWW);
        sim.client(expiring, 10).call("ModifyHostsCertificate", ROTATE_WWW);
        assertErrorCode(() -> sim.client(expiring, 10).call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.TOKEN_FAILURE);
        sim.simulator().putCredentials("AKIDrenewed", "renewed-key", "renewed-token");

        assertThat(sim.client(new Credential("AKIDrenewed", "renewed-key", "renewed-token"), 10)
                .call("ModifyHostsCertificate", ROTATE_WWW)).doesNotContain("Error");
        assertThat(sim.callLog().records()).extracting(CallRecord::sessionToken)
                .containsExactly("session-token", "session-token", "session-token", "renewed-token");
    }

    @Test
    void aSessionTokenSetToExpireAtATimeIsRefusedFromThen() throws Exception {
        Credential expiring = new Credential("AKIDwithtoken", "token-key", "session-token");
        sim.simulator().expireSessionTokenAt("session-token", Instant.now().plus(Duration.ofHours(1)));
        sim.client(expiring, 10).call("ModifyHostsCertificate", ROTATE_WWW);

        sim.simulator().expireSessionTokenAt("session-token", Instant.now());

        assertErrorCode(() -> sim.client(expiring, 10).call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.TOKEN_FAILURE);
    }

    @Test
    void refusesCredentialsRevokedOrChangedWhileRunning() throws Exception {
        sim.call("ModifyHostsCertificate", ROTATE_WWW);

        sim.simulator().putCredentials(SimulatorExtension.SECRET_ID, "rotated-key");
        assertErrorCode(() -> sim.call("ModifyHostsCertificate", ROTATE_WWW), ErrorCodes.SIGNATURE_FAILURE);
        sim.simulator().revokeCredentials(SimulatorExtension.SECRET_ID);
        assertErrorCode(() -> sim.call("ModifyHostsCertificate", ROTATE_WWW), ErrorCodes.SECRET_ID_NOT_FOUND);
        sim.simulator().putCredentials(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY);
        assertThat(sim.call("ModifyHostsCertificate", ROTATE_WWW)).doesNotContain("Error");
    }

    @Test
    void logsRefusedCallsAsNotAdmitted() {
        sim.outcome("ModifyHostsCertificate", "{}");
        assertErrorCode(() -> sim.client(SimulatorExtension.SECRET_ID, "wrong").call("ModifyHostsCertificate", ROTATE_WWW),
                ErrorCodes.SIGNATURE_FAILURE);

        assertThat(sim.callLog().records()).extracting(CallRecord::admitted).containsExactly(true, false);
    }

    interface SdkCall {
        Object call() throws Exception;
    }

    static void assertErrorCode(SdkCall call, String code) {
        assertThatThrownBy(call::call).isInstanceOf(TencentCloudSDKException.class)
                .satisfies(e -> assertThat(((TencentCloudSDKException) e).getErrorCode()).isEqualTo(code));
    }
}
