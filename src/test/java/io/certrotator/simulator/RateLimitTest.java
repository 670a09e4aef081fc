package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.CommonClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final String ACTION = "ModifyHostsCertificate";
    private static final String ROTATE_WWW = """
            {"ZoneId":"zone-alpha1","Hosts":["www.example.com"],"Mode":"sslcert","ServerCertInfo":[{"CertId":"cert-new-www"}]}""";

    /** Sends {@code count} calls, one every {@code everyMillis}, and returns their outcomes in sending order. */
    private static List<String> paced(String action, String json, int count, long everyMillis) throws Exception {
        CommonClient client = sim.client();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        try {
            List<ScheduledFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(pacer.schedule(() -> outcome(client, action, json), i * everyMillis, TimeUnit.MILLISECONDS));
            }
            List<String> outcomes = new ArrayList<>();
            for (ScheduledFuture<String> call : calls) {
                outcomes.add(call.get());
            }
            return outcomes;
        } finally {
            pacer.shutdownNow();
        }
    }

    private static String outcome(CommonClient client, String action, String json) {
        try {
            client.call(action, json);
            return CallRecord.OK;
        } catch (com.tencentcloudapi.common.exception.TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    @Test
    void admitsAtMostTwentyCallsInAnyOneSecondWindowWhenPacedAtForty() throws Exception {
        List<String> outcomes = paced(ACTION, ROTATE_WWW, 80, 25);

        long refused = outcomes.stream().filter(ErrorCodes.RATE_LIMIT_EXCEEDED::equals).count();
        assertThat(outcomes).containsOnly(CallRecord.OK, ErrorCodes.RATE_LIMIT_EXCEEDED);
        assertThat(sim.callLog().maxAdmittedInAnyWindow(ACTION, Duration.ofSeconds(1))).isLessThanOrEqualTo(20);
        assertThat(refused).isBetween(30L, 50L);
        assertThat(sim.callLog().rateLimitRefusals(ACTION)).isEqualTo(refused);
        assertThat(sim.callLog().admitted(ACTION)).isEqualTo(80 - refused);
    }

    @Test
    void refusedCallsChangeNothing() throws Exception {
        sim.simulator().rateLimit(1);
        sim.call(ACTION, "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"mail.example.com\"],\"Mode\":\"eofreecert\"}");

        assertThat(sim.outcome(ACTION, ROTATE_WWW)).isEqualTo(ErrorCodes.RATE_LIMIT_EXCEEDED);
        assertThat(sim.host("zone-alpha1", "www.example.com").certIds()).containsExactly("cert-old-zone-alpha1");
    }

    @Test
    void limitsEachActionSeparately() {
        sim.simulator().rateLimit(2);

        List<String> modify = List.of(sim.outcome(ACTION, ROTATE_WWW), sim.outcome(ACTION, ROTATE_WWW),
                sim.outcome(ACTION, ROTATE_WWW));
        String describe = sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-alpha1\"}");

        assertThat(modify).containsExactly(CallRecord.OK, CallRecord.OK, ErrorCodes.RATE_LIMIT_EXCEEDED);
        assertThat(describe).isEqualTo(CallRecord.OK);
    }

    @Test
    void admitsAgainOnceTheWindowHasMovedOn() throws Exception {
        sim.simulator().rateLimit(3);

        List<String> outcomes = paced(ACTION, ROTATE_WWW, 8, 150);

        assertThat(outcomes.subList(0, 4)).containsExactly(CallRecord.OK, CallRecord.OK, CallRecord.OK,
                ErrorCodes.RATE_LIMIT_EXCEEDED);
        assertThat(outcomes.get(7)).isEqualTo(CallRecord.OK);
        assertThat(sim.callLog().maxAdmittedInAnyWindow(ACTION, Duration.ofSeconds(1))).isLessThanOrEqualTo(3);
    }
}
