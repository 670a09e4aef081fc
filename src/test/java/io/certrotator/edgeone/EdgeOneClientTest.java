package io.certrotator.edgeone;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.BadBody;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Whatever comes back over the wire, the client answers with an ApiResponse and never throws. */
class EdgeOneClientTest {

    static final Credential CREDENTIAL = new Credential("AKIDclienttest", "client-test-secret");
    static final Map<String, Object> ROTATE = new ModifyHostsCertificate("zone-client1", List.of("a.example.com"),
            "sslcert", List.of("cert-a")).parameters();
    static EdgeOneSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = EdgeOneSimulator.builder().credentials(CREDENTIAL.getSecretId(), CREDENTIAL.getSecretKey())
                .build().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.resetFaults();
    }

    private static ApiResponse call() {
        try {
            return new EdgeOneClient(EdgeOneEndpoint.loopback(simulator.port()), CREDENTIAL, Duration.ofSeconds(2),
                    CallPacer.local(20))
                    .call(ModifyHostsCertificate.ACTION, ROTATE);
        } catch (InterruptedException e) {
            throw new AssertionError("a client that was never halted does not throw", e);
        }
    }

    @ParameterizedTest
    @EnumSource(BadBody.class)
    void aBadBodyIsAnInvalidResponseThatIsRetried(BadBody kind) {
        simulator.faults(Faults.NONE.withBadBodies(1.0, kind));

        assertThat(call()).isInstanceOfSatisfying(ApiResponse.Error.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorClassifier.INVALID_RESPONSE);
            assertThat(error.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        });
    }

    @Test
    void aDroppedConnectionIsANetworkError() {
        simulator.faults(Faults.NONE.withDropRate(1.0));

        assertThat(call()).isInstanceOfSatisfying(ApiResponse.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorClassifier.NETWORK_ERROR));
    }

    @Test
    void aBadGatewayIsAnHttpError() {
        simulator.faults(Faults.NONE.withHttp502Rate(1.0));

        assertThat(call()).isInstanceOfSatisfying(ApiResponse.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorClassifier.HTTP_ERROR));
    }

    @Test
    void aGatewaysErrorOrADroppedConnectionIsNoAnswerOfTheApisButItsOwnErrorIs() throws Exception {
        EdgeOneClient client = new EdgeOneClient(EdgeOneEndpoint.loopback(simulator.port()), CREDENTIAL,
                Duration.ofSeconds(2), CallPacer.local(20));
        long before = System.nanoTime();

        simulator.faults(Faults.NONE.withHttp502Rate(1.0));
        client.call(ModifyHostsCertificate.ACTION, ROTATE);
        simulator.faults(Faults.NONE.withDropRate(1.0));
        client.call(ModifyHostsCertificate.ACTION, ROTATE);
        assertThat(client.answeredSince(before)).isFalse();

        simulator.resetFaults();
        assertThat(client.call(ModifyHostsCertificate.ACTION, Map.of("ZoneId", "zone-client1")))
                .isInstanceOf(ApiResponse.Error.class);
        assertThat(client.answeredSince(before)).isTrue();
    }

    @Test
    void aHungCallTimesOutAsANetworkError() {
        simulator.faults(Faults.NONE.withHangs(1.0, Duration.ofSeconds(4)));

        assertThat(call()).isInstanceOfSatisfying(ApiResponse.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorClassifier.NETWORK_ERROR));
    }

    @Test
    void aRefusedConnectionIsANetworkError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ApiResponse response = new EdgeOneClient(EdgeOneEndpoint.loopback(closedPort), CREDENTIAL, Duration.ofSeconds(2),
                CallPacer.local(20))
                .call(ModifyHostsCertificate.ACTION, ROTATE);

        assertThat(response).isInstanceOfSatisfying(ApiResponse.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorClassifier.NETWORK_ERROR));
    }

    @Test
    void anApiErrorKeepsItsCodeAndRequestId() {
        simulator.failFirstCalls("a.example.com", 1, "InvalidParameter.ActionInProgress");

        assertThat(call()).isInstanceOfSatisfying(ApiResponse.Error.class, error -> {
            assertThat(error.code()).isEqualTo("InvalidParameter.ActionInProgress");
            assertThat(error.requestId()).isNotBlank();
        });
    }

    private static final Credential EXPIRED = new Credential("AKIDtemporary", "temporary-key", "expired-token");
    private static final Credential RENEWED = new Credential("AKIDtemporary2", "temporary-key-2", "renewed-token");

    private static ApiResponse describeZonesSignedWith(Credential credential, Supplier<Credential> renewal)
            throws InterruptedException {
        simulator.putCredentials(EXPIRED.getSecretId(), EXPIRED.getSecretKey(), EXPIRED.getToken());
        simulator.expireSessionTokenAfter(EXPIRED.getToken(), 0);
        simulator.putCredentials(RENEWED.getSecretId(), RENEWED.getSecretKey(), RENEWED.getToken());
        simulator.callLog().clear();
        return new EdgeOneClient(ApiService.TEO, EdgeOneEndpoint.loopback(simulator.port()), credential, renewal,
                Duration.ofSeconds(2), CallPacer.local(20)).call(DescribeZones.ACTION, Map.of());
    }

    @Test
    void aRefusedSessionTokenIsReadAgainFromItsSourceAndTheCallSentOnceMoreWithTheRenewedOne() throws Exception {
        assertThat(describeZonesSignedWith(EXPIRED, () -> RENEWED)).isInstanceOf(ApiResponse.Ok.class);

        assertThat(simulator.callLog().records()).extracting(CallRecord::sessionToken, CallRecord::outcome)
                .containsExactly(tuple("expired-token", "AuthFailure.TokenFailure"), tuple("renewed-token", "OK"));
    }

    @Test
    void aSourceThatGivesTheRefusedTokenAgainLeavesTheRefusalWithoutAnotherCall() throws Exception {
        assertThat(describeZonesSignedWith(EXPIRED, () -> EXPIRED)).isInstanceOfSatisfying(ApiResponse.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorClassifier.TOKEN_FAILURE));

        assertThat(simulator.callLog().records()).hasSize(1);
    }

    @Test
    void aSourceThatHasNoCredentialAnyMoreLeavesTheRefusal() throws Exception {
        assertThat(describeZonesSignedWith(EXPIRED, () -> {
            throw new IllegalStateException("no Tencent Cloud credentials");
        })).isInstanceOfSatisfying(ApiResponse.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorClassifier.TOKEN_FAILURE));
    }
}
