package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limit over HTTP; what it admits on given arrival times is SlidingWindowRateLimiterTest's. */
class RateLimitTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final String ACTION = "ModifyHostsCertificate";
    private static final String ROTATE_WWW = """
            {"ZoneId":"zone-alpha1","Hosts":["www.example.com"],"Mode":"sslcert","ServerCertInfo":[{"CertId":"cert-new-www"}]}""";

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
}
