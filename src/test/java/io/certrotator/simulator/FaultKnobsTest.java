package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultKnobsTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final String ACTION = "ModifyHostsCertificate";
    private static final String ROTATE_WWW = """
            {"ZoneId":"zone-alpha1","Hosts":["www.example.com"],"Mode":"sslcert","ServerCertInfo":[{"CertId":"cert-new-www"}]}""";
    private static final List<String> OLD_CERT = List.of("cert-old-zone-alpha1");

    private static void faults(Faults faults) {
        sim.simulator().faults(faults);
    }

    private static long millisOf(ThrowingRunnable call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static List<String> wwwCerts() {
        return sim.host("zone-alpha1", "www.example.com").certIds();
    }

    @Test
    void delaysEveryAnswerByTheLatencyPlusOrMinusTheJitter() throws Exception {
        faults(Faults.NONE.withLatency(Duration.ofMillis(200), Duration.ofMillis(50)));

        for (int i = 0; i < 3; i++) {
            assertThat(millisOf(() -> sim.call(ACTION, ROTATE_WWW))).isBetween(150L, 1000L);
        }
    }

    @Test
    void answersOutliersAfterTheOutlierLatency() throws Exception {
        faults(Faults.NONE.withOutliers(1.0, Duration.ofMillis(600)));

        assertThat(millisOf(() -> sim.call(ACTION, ROTATE_WWW))).isGreaterThanOrEqualTo(600L);
    }

    @Test
    void answersTransientErrorsThatChangeNothingButCountAsAdmitted() {
        faults(Faults.NONE.withTransientErrorRate(1.0));

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            codes.add(sim.outcome(ACTION, ROTATE_WWW));
        }

        assertThat(codes).isSubsetOf(ErrorCodes.TRANSIENT).hasSizeGreaterThan(1);
        assertThat(codes.stream().distinct().count()).isGreaterThan(1);
        assertThat(wwwCerts()).isEqualTo(OLD_CERT);
        assertThat(sim.callLog().admitted(ACTION)).isEqualTo(12);
    }

    @Test
    void answersHttp502ThatChangesNothing() {
        faults(Faults.NONE.withHttp502Rate(1.0));

        assertThatThrownBy(() -> sim.call(ACTION, ROTATE_WWW)).isInstanceOf(TencentCloudSDKException.class)
                .hasMessageContaining("502");
        assertThat(wwwCerts()).isEqualTo(OLD_CERT);
        assertThat(sim.callLog().countOutcome(ACTION, CallRecord.HTTP_502)).isPositive();
    }

    @Test
    void dropsConnectionsInTheMiddleOfTheAnswer() {
        faults(Faults.NONE.withDropRate(1.0));

        assertThatThrownBy(() -> new RawApiClient(sim.port()).signed(ACTION, "2022-09-01", ROTATE_WWW, Instant.now()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> sim.call(ACTION, ROTATE_WWW)).isInstanceOf(TencentCloudSDKException.class);
        assertThat(wwwCerts()).isEqualTo(OLD_CERT);
        assertThat(sim.callLog().records()).extracting(CallRecord::outcome).containsOnly(CallRecord.DROPPED);
    }

    @Test
    void holdsHungRequestsForTheHangTimeThenDropsThem() throws Exception {
        faults(Faults.NONE.withHangs(1.0, Duration.ofMillis(700)));

        long millis = millisOf(() -> assertThatThrownBy(
                () -> new RawApiClient(sim.port()).signed(ACTION, "2022-09-01", ROTATE_WWW, Instant.now()))
                .isInstanceOf(IOException.class));

        assertThat(millis).isGreaterThanOrEqualTo(700L);
        assertThat(wwwCerts()).isEqualTo(OLD_CERT);
        assertThat(sim.callLog().records()).extracting(CallRecord::outcome).containsExactly(CallRecord.HUNG);
    }

    @Test
    void letsAClientTimeOutOnAHungRequest() {
        faults(Faults.NONE.withHangs(1.0, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> sim.client(new Credential(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY), 1)
                .call(ACTION, ROTATE_WWW)).isInstanceOf(TencentCloudSDKException.class);
    }

    @ParameterizedTest
    @EnumSource(BadBody.class)
    void answersBadBodiesThatChangeNothing(BadBody kind) throws Exception {
        faults(Faults.NONE.withBadBodies(1.0, kind));

        RawApiClient.Answer answer = new RawApiClient(sim.port()).signed(ACTION, "2022-09-01", ROTATE_WWW, Instant.now());

        assertThat(answer.status()).isEqualTo(200);
        switch (kind) {
            case NOT_JSON -> assertThat(answer.body()).startsWith("<html>");
            case EMPTY -> assertThat(answer.body()).isEmpty();
            case UNEXPECTED_SHAPE -> assertThat(answer.json().has("Response")).isFalse();
            case HUGE -> assertThat(answer.body()).hasSizeGreaterThan(BadBody.HUGE_BYTES - 64 * 1024)
                    .startsWith("{\"Response\":{\"RequestId\":");
        }
        assertThat(wwwCerts()).isEqualTo(OLD_CERT);
        assertThat(sim.callLog().records()).extracting(CallRecord::outcome).containsExactly(CallRecord.BAD_BODY);
    }

    @Test
    void failsTheFirstCallsNamingAScriptedHost() {
        sim.simulator().failFirstCalls("www.example.com", 2);
        sim.simulator().failFirstCalls("api.example.com", 1, "InternalError.ConfigLocked");

        assertThat(sim.outcome(ACTION, ROTATE_WWW)).isEqualTo(ErrorCodes.SYSTEM_ERROR);
        assertThat(sim.outcome(ACTION, ROTATE_WWW)).isEqualTo(ErrorCodes.SYSTEM_ERROR);
        assertThat(wwwCerts()).isEqualTo(OLD_CERT);
        assertThat(sim.outcome(ACTION, ROTATE_WWW)).isEqualTo(CallRecord.OK);
        assertThat(sim.outcome(ACTION, "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"api.example.com\"],"
                + "\"Mode\":\"sslcert\",\"ServerCertInfo\":[{\"CertId\":\"cert-new-api\"}]}"))
                .isEqualTo("InternalError.ConfigLocked");
        assertThat(wwwCerts()).containsExactly("cert-new-www");
    }

    @Test
    void aScriptedFailureThatAppliesAnywayChangesTheHostAndStillAnswersTheError() {
        sim.simulator().failFirstCallsAfterApplying("www.example.com", 1, ErrorCodes.MODIFY_FAILED);

        assertThat(sim.outcome(ACTION, ROTATE_WWW)).isEqualTo(ErrorCodes.MODIFY_FAILED);
        assertThat(wwwCerts()).containsExactly("cert-new-www");
    }

    @Test
    void aScriptedFailureThatAppliesAnywayChangesOnlyTheHostsScriptedSo() {
        sim.simulator().failFirstCallsAfterApplying("shop.example.com", 1, ErrorCodes.MODIFY_FAILED);
        sim.simulator().failFirstCalls("blog.example.com", 1, ErrorCodes.MODIFY_FAILED);

        assertThat(sim.outcome(ACTION, "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"shop.example.com\",\"blog.example.com\"],"
                + "\"Mode\":\"sslcert\",\"ServerCertInfo\":[{\"CertId\":\"cert-rsa1\"}]}"))
                .isEqualTo(ErrorCodes.MODIFY_FAILED);

        assertThat(sim.host("zone-alpha1", "shop.example.com").certIds()).containsExactly("cert-rsa1");
        assertThat(sim.host("zone-alpha1", "blog.example.com").certIds()).isEqualTo(OLD_CERT);
    }

    @Test
    void answersOkForASilentHostWithoutChangingIt() {
        sim.simulator().silence("shop.example.com");

        assertThat(sim.outcome(ACTION, "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"shop.example.com\",\"blog.example.com\"],"
                + "\"Mode\":\"sslcert\",\"ServerCertInfo\":[{\"CertId\":\"cert-rsa1\"}]}")).isEqualTo(CallRecord.OK);

        assertThat(sim.host("zone-alpha1", "shop.example.com").certIds()).isEqualTo(OLD_CERT);
        assertThat(sim.host("zone-alpha1", "blog.example.com").certIds()).containsExactly("cert-rsa1");
    }

    @Test
    void replaysTheSameFaultsForTheSameRandomSeed() throws Exception {
        assertThat(outcomesWithSeed(7)).isEqualTo(outcomesWithSeed(7));
    }

    private static List<String> outcomesWithSeed(long seed) throws Exception {
        try (EdgeOneSimulator other = EdgeOneSimulator.builder()
                .credentials(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY)
                .seedCsv(SimulatorExtension.resource("simulator/seed.csv"))
                .transientErrorRate(0.5).randomSeed(seed).build().start()) {
            RawApiClient raw = new RawApiClient(other.port());
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                outcomes.add(raw.signed(ACTION, "2022-09-01", ROTATE_WWW, Instant.now()).errorCode());
            }
            return outcomes;
        }
    }
}
