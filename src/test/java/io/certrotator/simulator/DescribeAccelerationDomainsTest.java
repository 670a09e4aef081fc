package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DescribeAccelerationDomainsTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BIG_ZONE = "zone-big1";

    @BeforeEach
    void addAZoneOfTwoHundredFiftyHosts() {
        IntStream.range(0, 250).forEach(i -> sim.simulator().state().putHost(BIG_ZONE,
                String.format("h%03d.example.com", i), HostCertificate.deployed("sslcert", List.of("cert-x"))));
    }

    private static JsonNode describe(String params) throws Exception {
        return JSON.readTree(sim.call("DescribeAccelerationDomains", params)).path("Response");
    }

    @Test
    void pagesThroughMoreThanTwoHundredHostsInAStableOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 250; offset += 200) {
            JsonNode page = describe("{\"ZoneId\":\"zone-big1\",\"Offset\":" + offset + ",\"Limit\":200}");
            assertThat(page.path("TotalCount").asInt()).isEqualTo(250);
            page.path("AccelerationDomains").forEach(d -> seen.add(d.path("DomainName").asString()));
        }

        assertThat(seen).hasSize(250).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void returnsTwentyDomainsByDefault() throws Exception {
        assertThat(describe("{\"ZoneId\":\"zone-big1\"}").path("AccelerationDomains")).hasSize(20);
    }

    @Test
    void refusesALimitOverTwoHundred() {
        assertThat(sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-big1\",\"Limit\":201}"))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
    }

    @Test
    void filtersByDomainNameAndShowsTheCertificateConfiguration() throws Exception {
        JsonNode response = describe("{\"ZoneId\":\"zone-alpha1\",\"Filters\":[{\"Name\":\"domain-name\","
                + "\"Values\":[\"shop.example.com\",\"mail.example.com\",\"absent.example.com\"]}]}");

        assertThat(response.path("TotalCount").asInt()).isEqualTo(2);
        JsonNode mail = response.path("AccelerationDomains").get(0);
        assertThat(mail.path("DomainName").asString()).isEqualTo("mail.example.com");
        assertThat(mail.path("ZoneId").asString()).isEqualTo("zone-alpha1");
        assertThat(mail.path("DomainStatus").asString()).isEqualTo("online");
        assertThat(mail.path("Certificate").path("Mode").asString()).isEqualTo("sslcert");
        assertThat(mail.path("Certificate").path("List").get(0).path("CertId").asString()).isEqualTo("cert-old-zone-alpha1");
        assertThat(mail.path("Certificate").path("List").get(0).path("Status").asString()).isEqualTo("deployed");
    }

    @Test
    void refusesMoreThanTwentyFilterValuesAndUnknownFilters() {
        String values = IntStream.range(0, 21).mapToObj(i -> "\"h" + i + ".example.com\"").collect(Collectors.joining(","));

        assertThat(sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-big1\",\"Filters\":[{\"Name\":\"domain-name\","
                + "\"Values\":[" + values + "]}]}")).isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
        assertThat(sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-big1\",\"Filters\":[{\"Name\":\"colour\","
                + "\"Values\":[\"red\"]}]}")).isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
    }

    @Test
    void refusesAnUnknownZone() {
        assertThat(sim.outcome("DescribeAccelerationDomains", "{\"ZoneId\":\"zone-nothere\"}"))
                .isEqualTo(ErrorCodes.ZONE_NOT_FOUND);
    }
}
