package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.CommonClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class ConcurrentClientsTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(b -> b
            .seedCsv(SimulatorExtension.resource("simulator/seed.csv"))
            .rateLimit(100_000));

    @Test
    void servesOneHundredConcurrentClientsWithoutErrorsOfItsOwn() throws Exception {
        sim.simulator().faults(Faults.NONE.withLatency(Duration.ofMillis(100), Duration.ZERO));
        JsonMapper json = JsonMapper.builder().build();
        ExecutorService clients = Executors.newFixedThreadPool(100);
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                boolean modify = i % 2 == 0;
                work.add(() -> {
                    CommonClient client = sim.client();
                    List<String> bodies = new ArrayList<>();
                    for (int call = 0; call < 3; call++) {
                        bodies.add(modify
                                ? client.call("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":"
                                + "[\"www.example.com\"],\"Mode\":\"sslcert\",\"ServerCertInfo\":[{\"CertId\":\"cert-new-www\"}]}")
                                : client.call("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-alpha1\"}"));
                    }
                    return bodies;
                });
            }
            long start = System.nanoTime();
            List<String> bodies = new ArrayList<>();
            for (Future<List<String>> result : clients.invokeAll(work)) {
                bodies.addAll(result.get());
            }

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(bodies).hasSize(300).allSatisfy(body ->
                    assertThat(json.readTree(body).path("Response").path("RequestId").asString()).isNotBlank());
            assertThat(sim.callLog().records()).hasSize(300).allMatch(CallRecord::succeeded);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * A rehearsal at a high latency is as fast as the real API would be: one second's worth of calls at the default
     * rate limit (20 per action, three actions) waits out its 1500 ms together, not a few at a time.
     */
    @Test
    void servesASecondOfCallsAtTheRateLimitConcurrentlyAtAHighLatency() throws Exception {
        sim.simulator().faults(Faults.NONE.withLatency(Duration.ofMillis(1500), Duration.ZERO));
        List<String> actions = List.of("DescribeAccelerationDomains", "DescribeZones", "ModifyHostsCertificate");
        ExecutorService clients = Executors.newFixedThreadPool(60);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String action = actions.get(i % actions.size());
                work.add(() -> sim.client().call(action, action.equals("ModifyHostsCertificate")
                        ? "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"www.example.com\"],\"Mode\":\"sslcert\","
                        + "\"ServerCertInfo\":[{\"CertId\":\"cert-new-www\"}]}"
                        : action.equals("DescribeZones") ? "{}" : "{\"ZoneId\":\"zone-alpha1\"}"));
            }
            long start = System.nanoTime();
            for (Future<String> answer : clients.invokeAll(work)) {
                answer.get();
            }

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
            assertThat(sim.callLog().records()).hasSize(60).allMatch(CallRecord::succeeded);
        } finally {
            clients.shutdownNow();
        }
    }
}
