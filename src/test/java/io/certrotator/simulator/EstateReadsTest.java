package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DescribeZones, the SSL service's DescribeCertificates, and what DescribeAccelerationDomains shows of the estate. */
class EstateReadsTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(b -> b
            .stateFile(SimulatorExtension.resource("simulator/estate-state.json")));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode teo(String action, String params) throws TencentCloudSDKException {
        return JSON.readTree(sim.call(action, params)).path("Response");
    }

    private static JsonNode ssl(String params) throws TencentCloudSDKException {
        return JSON.readTree(sim.sslClient().call("DescribeCertificates", params)).path("Response");
    }

    private static String sslOutcome(String action, String params) {
        try {
            sim.sslClient().call(action, params);
            return CallRecord.OK;
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    @Test
    void describeZonesShowsEachZonesTypeStatusAndPause() throws Exception {
        JsonNode zones = teo("DescribeZones", "{}").path("Zones");

        assertThat(zones).hasSize(3);
        JsonNode full = zones.get(1);
        assertThat(full.path("ZoneId").asString()).isEqualTo("zone-full1");
        assertThat(full.path("ZoneName").asString()).isEqualTo("example.com");
        assertThat(full.path("Type").asString()).isEqualTo("full");
        assertThat(full.path("Status").asString()).isEqualTo("active");
        assertThat(full.path("Paused").asBoolean()).isTrue();
        assertThat(full.path("ActiveStatus").asString()).isEqualTo("paused");
        JsonNode cam = zones.get(0);
        assertThat(cam.path("Status").asString()).isEqualTo("pending");
        assertThat(cam.path("ActiveStatus").asString()).isEqualTo("inactive");
        assertThat(cam.path("Type").asString()).isEqualTo("partial");
    }

    @Test
    void describeZonesPagesAHundredAtMostAndFiltersByIdOrName() throws Exception {
        IntStream.range(0, 120).forEach(i -> sim.simulator().state().addZone(String.format("zone-z%03d", i)));
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 123; offset += 100) {
            JsonNode page = teo("DescribeZones", "{\"Offset\":" + offset + ",\"Limit\":100}");
            assertThat(page.path("TotalCount").asInt()).isEqualTo(123);
            page.path("Zones").forEach(zone -> seen.add(zone.path("ZoneId").asString()));
        }

        assertThat(seen).hasSize(123).doesNotHaveDuplicates().isSorted();
        assertThat(sim.outcome("DescribeZones", "{\"Limit\":101}")).isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
        assertThat(teo("DescribeZones", "{\"Filters\":[{\"Name\":\"zone-id\",\"Values\":[\"zone-cam1\",\"zone-x\"]}]}")
                .path("TotalCount").asInt()).isEqualTo(1);
        assertThat(teo("DescribeZones", "{\"Filters\":[{\"Name\":\"zone-name\",\"Values\":[\"pages.example.net\"]}]}")
                .path("Zones").get(0).path("ZoneId").asString()).isEqualTo("zone-pages1");
        String values = IntStream.range(0, 21).mapToObj(i -> "\"zone-" + i + "\"").collect(Collectors.joining(","));
        assertThat(sim.outcome("DescribeZones", "{\"Filters\":[{\"Name\":\"zone-id\",\"Values\":[" + values + "]}]}"))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
    }

    @Test
    void describeAccelerationDomainsShowsDomainStatusAndEachCertificatesAlgorithmExpiryAndStatus() throws Exception {
        JsonNode domains = teo("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-full1\"}").path("AccelerationDomains");

        JsonNode www = domains.get(1);
        assertThat(www.path("DomainStatus").asString()).isEqualTo("process");
        JsonNode rsa = www.path("Certificate").path("List").get(0);
        assertThat(rsa.path("CertId").asString()).isEqualTo("cert-rsa");
        assertThat(rsa.path("SignAlgo").asString()).isEqualTo("RSA 2048");
        assertThat(rsa.path("Alias").asString()).isEqualTo("main");
        assertThat(rsa.path("Status").asString()).isEqualTo("deployed");
        JsonNode ecc = www.path("Certificate").path("List").get(1);
        assertThat(ecc.path("SignAlgo").asString()).isEqualTo("ECC 256");
        assertThat(Set.of(rsa.path("ExpireTime").asString(), ecc.path("ExpireTime").asString()))
                .containsExactlyInAnyOrder(sim.simulator().state().certificate("cert-rsa").orElseThrow().expireTimeText(),
                        sim.simulator().state().certificate("cert-ecc").orElseThrow().expireTimeText());
        assertThat(domains.get(0).path("DomainStatus").asString()).isEqualTo("init");
    }

    @Test
    void aPagesZoneAndAnUnauthorizedZoneRefuseDescribeAccelerationDomains() {
        assertThat(sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-pages1\"}"))
                .isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-cam1\"}"))
                .isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
    }

    @Test
    void aPagesZoneAndAnUnauthorizedZoneRefuseModifyHostsCertificateAndKeepTheirHosts() {
        assertThat(sim.outcome("ModifyHostsCertificate",
                "{\"ZoneId\":\"zone-pages1\",\"Hosts\":[\"p.example.net\"],\"Mode\":\"eofreecert\"}"))
                .isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(sim.outcome("ModifyHostsCertificate",
                "{\"ZoneId\":\"zone-cam1\",\"Hosts\":[\"c.example.org\"],\"Mode\":\"eofreecert\"}"))
                .isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(sim.host("zone-pages1", "p.example.net").certIds()).containsExactly("cert-rsa");
    }

    @Test
    void describeCertificatesShowsBeijingTimesNamesAlgorithmAndStatus() throws Exception {
        JsonNode response = ssl("{\"Limit\":1000}");

        assertThat(response.path("TotalCount").asInt()).isEqualTo(2);
        JsonNode ecc = response.path("Certificates").get(0);
        assertThat(ecc.path("CertificateId").asString()).isEqualTo("cert-ecc");
        assertThat(ecc.path("CertEndTime").asString()).isEqualTo("2099-01-02 00:30:00");
        assertThat(ecc.path("CertBeginTime").asString()).isEqualTo("2020-01-01 08:00:00");
        assertThat(ecc.path("EncryptAlgorithm").asString()).isEqualTo("ECC 256");
        assertThat(ecc.path("Status").asInt()).isEqualTo(5);
        assertThat(ecc.path("Domain").asString()).isEqualTo("www.example.com");
        JsonNode rsa = response.path("Certificates").get(1);
        assertThat(rsa.path("Domain").asString()).isEqualTo("example.com");
        assertThat(rsa.path("SubjectAltName")).extracting(JsonNode::asString)
                .containsExactly("example.com", "*.example.com");
        assertThat(rsa.path("Status").asInt()).isEqualTo(DescribeCertificatesAction.EXPIRED);
        assertThat(rsa.path("Alias").asString()).isEqualTo("main");
    }

    @Test
    void describeCertificatesPagesAThousandAtMostTakingALargerLimitAsAThousand() throws Exception {
        IntStream.range(0, 1100).forEach(i -> sim.simulator().state().putCertificate(new Certificate(
                String.format("cert-p%04d", i), Set.of("p.example.com"), Instant.parse("2030-01-01T00:00:00Z"))));

        assertThat(ssl("{\"Limit\":5000}").path("Certificates")).hasSize(1000);
        assertThat(ssl("{\"Offset\":1000,\"Limit\":1000}").path("Certificates")).hasSize(102);
        assertThat(ssl("{}").path("Certificates")).hasSize(10);
    }

    @Test
    void theSslServiceChecksASignatureScopedToSslAndServesNoOtherAction() {
        assertThat(sslOutcome("DescribeCertificates", "{}")).isEqualTo(CallRecord.OK);
        assertThat(sslOutcome("DeleteCertificate", "{}")).isEqualTo(ErrorCodes.INVALID_ACTION);
        assertThat(sim.outcome("DescribeCertificates", "{}")).isEqualTo(ErrorCodes.INVALID_ACTION);
    }

    @Test
    void aRequestToTheSslServiceSignedForTeoIsRefused() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpURLConnection http = (HttpURLConnection) URI.create("http://ssl.tencentcloudapi.com/").toURL()
                .openConnection(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", sim.port())));
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/json");
        http.setRequestProperty("X-TC-Action", "DescribeCertificates");
        http.setRequestProperty("X-TC-Version", ApiHttpHandler.SSL_VERSION);
        http.setRequestProperty("X-TC-Timestamp", Long.toString(timestamp));
        http.setRequestProperty("Authorization", Tc3Signer.authorization(SimulatorExtension.SECRET_ID,
                SimulatorExtension.SECRET_KEY, "teo", timestamp, "application/json", "ssl.tencentcloudapi.com", body));
        http.getOutputStream().write(body);

        JsonNode answer = JSON.readTree(http.getInputStream().readAllBytes());

        assertThat(answer.path("Response").path("Error").path("Code").asString())
                .isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
        assertThat(answer.path("Response").path("Error").path("Message").asString()).contains("not ssl");
    }

    @Test
    void theRefusalKnobAnswersEveryCertificateListingWithItsCode() {
        sim.simulator().refuseCertificateListing(ErrorCodes.CAM_UNAUTHORIZED);

        assertThat(sslOutcome("DescribeCertificates", "{}")).isEqualTo(ErrorCodes.CAM_UNAUTHORIZED);
    }

    @Test
    void describeCertificatesAdmitsTheDocumentedTenPerSecond() {
        IntStream.range(0, 25).forEach(i -> sslOutcome("DescribeCertificates", "{}"));

        assertThat(sim.callLog().rateLimitRefusals("DescribeCertificates")).isPositive();
        assertThat(sim.callLog().maxAdmittedInAnyWindow("DescribeCertificates", Duration.ofSeconds(1)))
                .isLessThanOrEqualTo(EdgeOneSimulator.SSL_DESCRIBE_LIMIT);
    }
}
