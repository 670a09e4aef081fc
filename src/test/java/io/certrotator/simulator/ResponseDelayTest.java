package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator adds only the latency it is asked to add. Without TCP_NODELAY on its sockets each answer
 * waited about 40 ms for the client's delayed ACK (Nagle's algorithm), so 40 sequential calls took 2.3 s
 * and a client could not even reach the rate limit from one thread.
 */
class ResponseDelayTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final String ACTION = "ModifyHostsCertificate";
    private static final String ROTATE_WWW = """
            {"ZoneId":"zone-alpha1","Hosts":["www.example.com"],"Mode":"sslcert","ServerCertInfo":[{"CertId":"cert-new-www"}]}""";

    @Test
    void answersFortySequentialCallsWithoutConfiguredLatencyInUnderOneSecond() throws Exception {
        sim.simulator().rateLimit(1_000);
        CommonClient client = sim.client();
        client.call(ACTION, ROTATE_WWW); // opens the connection and warms up the code paths

        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            client.call(ACTION, ROTATE_WWW);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void refusesAboutHalfOfASequentialStreamOfFortyCallsPerSecond() throws Exception {
        CommonClient client = sim.client();
        long period = Duration.ofMillis(25).toNanos();
        long start = System.nanoTime();
        int sent = 0;
        int refused = 0;
        for (long due = start; due - start < Duration.ofSeconds(2).toNanos(); due = start + sent * period) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sent++;
            try {
                client.call(ACTION, ROTATE_WWW);
            } catch (TencentCloudSDKException e) {
                assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.RATE_LIMIT_EXCEEDED);
                refused++;
            }
        }

        assertThat(refused * 100 / sent).as("%d of %d calls refused", refused, sent).isBetween(30, 55);
    }
}
