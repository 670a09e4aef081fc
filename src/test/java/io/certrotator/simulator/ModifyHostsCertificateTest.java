package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModifyHostsCertificateTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final String ZONE = "zone-alpha1";
    private static final HostCertificate OLD = HostCertificate.deployed("sslcert", List.of("cert-old-zone-alpha1"));

    private static String modify(String hosts, String mode, String certIds) {
        String certs = certIds == null ? "" : ",\"ServerCertInfo\":[" + List.of(certIds.split(";")).stream()
                .map(id -> "{\"CertId\":\"" + id + "\"}").collect(Collectors.joining(",")) + "]";
        String hostList = List.of(hosts.split(",")).stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(","));
        return sim.outcome("ModifyHostsCertificate",
                "{\"ZoneId\":\"" + ZONE + "\",\"Hosts\":[" + hostList + "],\"Mode\":\"" + mode + "\"" + certs + "}");
    }

    @Test
    void replacesTheCertificateListOfEveryHostInTheCall() {
        assertThat(modify("shop.example.com,blog.example.com", "sslcert", "cert-rsa1;cert-ecc1")).isEqualTo("OK");

        HostCertificate rotated = HostCertificate.deployed("sslcert", List.of("cert-rsa1", "cert-ecc1"));
        assertThat(sim.host(ZONE, "shop.example.com")).isEqualTo(rotated);
        assertThat(sim.host(ZONE, "blog.example.com")).isEqualTo(rotated);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void switchesToAFreeCertificateWithoutCertificateIds() {
        assertThat(modify("mail.example.com", "eofreecert", null)).isEqualTo("OK");

        assertThat(sim.host(ZONE, "mail.example.com")).isEqualTo(HostCertificate.deployed("eofreecert", List.of()));
    }

    @Test
    void changesNothingWhenOneHostOfTheCallIsUnknown() {
        String code = modify("shop.example.com,nope.example.com", "sslcert", "cert-rsa1");

        assertThat(code).isEqualTo(ErrorCodes.HOST_NOT_FOUND);
        assertThat(sim.host(ZONE, "shop.example.com")).isEqualTo(OLD);
        assertThat(sim.callLog().records()).singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo(ErrorCodes.HOST_NOT_FOUND));
    }

    @Test
    void namesTheOffendingHostInTheErrorMessage() throws Exception {
        RawApiClient.Answer answer = new RawApiClient(sim.port()).signed("ModifyHostsCertificate", "2022-09-01",
                "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"nope.example.com\"],\"Mode\":\"eofreecert\"}", Instant.now());

        assertThat(answer.json().path("Response").path("Error").path("Message").asString())
                .isEqualTo("host nope.example.com not found in zone zone-alpha1");
    }

    @Test
    void refusesAnUnknownZoneWithZoneNotFound() {
        assertThat(sim.outcome("ModifyHostsCertificate",
                "{\"ZoneId\":\"zone-nothere\",\"Hosts\":[\"www.example.com\"],\"Mode\":\"eofreecert\"}"))
                .isEqualTo(ErrorCodes.ZONE_NOT_FOUND);
    }

    @Test
    void refusesAPausedZone() {
        sim.simulator().state().setZoneStatus(ZONE, ZoneStatus.PAUSED);

        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo(ErrorCodes.ZONE_PAUSED);
    }

    @Test
    void refusesAZoneNotActiveWithInvalidZoneStatus() {
        sim.simulator().state().setZoneProfile(ZONE, new ZoneProfile("alpha.example.com", "full", "pending", false));

        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo(ErrorCodes.INVALID_ZONE_STATUS);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void refusesAHostWaitingForItsZoneWithInvalidZoneStatus() {
        sim.simulator().state().setDomainStatus(ZONE, "www.example.com", "init");

        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo(ErrorCodes.INVALID_ZONE_STATUS);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void refusesAForbiddenHostWithOperationDenied() {
        sim.simulator().state().setDomainStatus(ZONE, "www.example.com", "forbidden");

        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo(ErrorCodes.OPERATION_DENIED);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void acceptsAChangeForAnOfflineHostButLeavesItAsItWas() {
        sim.simulator().state().setDomainStatus(ZONE, "www.example.com", "offline");

        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo("OK");
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void appliesAChangeForAHostBeingDeployed() {
        sim.simulator().state().setDomainStatus(ZONE, "www.example.com", "process");

        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo("OK");
        assertThat(sim.host(ZONE, "www.example.com"))
                .isEqualTo(HostCertificate.deployed("sslcert", List.of("cert-new-www")));
    }

    @Test
    void refusesAnUnknownCertificate() {
        assertThat(modify("www.example.com", "sslcert", "cert-new-www;cert-ghost")).isEqualTo(ErrorCodes.CERT_NOT_FOUND);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void refusesAnExpiredCertificate() {
        sim.simulator().state().putCertificate(new Certificate("cert-stale", Set.of("*.example.com"),
                Instant.parse("2021-01-01T00:00:00Z")));

        assertThat(modify("www.example.com", "sslcert", "cert-stale")).isEqualTo(ErrorCodes.CERT_EXPIRED);
    }

    @Test
    void refusesACertificateThatDoesNotCoverEveryHost() {
        assertThat(modify("www.example.com,api.example.com", "sslcert", "cert-new-www"))
                .isEqualTo(ErrorCodes.CERT_NOT_MATCH_DOMAIN);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void acceptsAWildcardCertificateForOneLevelOfSubdomainOnly() {
        EdgeOneState state = sim.simulator().state();
        state.putCertificate(new Certificate("cert-star", Set.of("*.example.com"), Instant.parse("2099-01-01T00:00:00Z")));
        state.putHost(ZONE, "example.com", OLD);
        state.putHost(ZONE, "a.b.example.com", OLD);

        assertThat(modify("www.example.com,api.example.com", "sslcert", "cert-star")).isEqualTo("OK");
        assertThat(modify("example.com", "sslcert", "cert-star")).isEqualTo(ErrorCodes.CERT_NOT_MATCH_DOMAIN);
        assertThat(modify("a.b.example.com", "sslcert", "cert-star")).isEqualTo(ErrorCodes.CERT_NOT_MATCH_DOMAIN);
    }

    @Test
    void refusesAFreeCertificateForAWildcardHost() {
        assertThat(modify("*.wild.example.com", "eofreecert", null)).isEqualTo(ErrorCodes.WILDCARD_HOST_FREE_CERT);
        assertThat(modify("*.wild.example.com", "sslcert", "cert-wild")).isEqualTo("OK");
    }

    @Test
    void refusesHostsThatCarryDifferentCertificateConfigurations() {
        assertThat(modify("mail.example.com", "eofreecert", null)).isEqualTo("OK");

        assertThat(modify("mail.example.com,www.example.com", "disable", null))
                .isEqualTo(ErrorCodes.HOSTS_CERTIFICATE_INCONSISTENCY);
        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(OLD);
    }

    @Test
    void requiresCertificatesForSslcertAndRefusesThemForOtherModes() {
        assertThat(modify("www.example.com", "sslcert", null)).isEqualTo(ErrorCodes.MISSING_PARAMETER);
        assertThat(modify("www.example.com", "eofreecert", "cert-new-www")).isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
    }

    @Test
    void refusesAnUnknownMode() {
        assertThat(modify("www.example.com", "letsencrypt", null)).isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
    }

    @Test
    void disablesTheCertificateWhenModeIsLeftOutLikeTheRealApi() {
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"www.example.com\"]}"))
                .isEqualTo("OK");
        assertThat(sim.host(ZONE, "www.example.com").mode()).isEqualTo("disable");
    }

    @Test
    void refusesMissingAndMistypedParameters() {
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"Hosts\":[\"www.example.com\"],\"Mode\":\"disable\"}"))
                .isEqualTo(ErrorCodes.MISSING_PARAMETER);
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Mode\":\"disable\"}"))
                .isEqualTo(ErrorCodes.MISSING_PARAMETER);
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":42,\"Hosts\":[\"www.example.com\"],\"Mode\":\"disable\"}"))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":\"www.example.com\"}"))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER);
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"www.example.com\"],"
                + "\"Mode\":\"sslcert\",\"ServerCertInfo\":[{\"Id\":\"cert-new-www\"}]}"))
                .isEqualTo(ErrorCodes.MISSING_PARAMETER);
        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[\"www.example.com\"],\"Colour\":1}"))
                .isEqualTo(ErrorCodes.UNKNOWN_PARAMETER);
    }

    @Test
    void refusesEmptyHostsAndMoreThanOneHundredHosts() {
        String hundredAndOne = IntStream.range(0, 101).mapToObj(i -> "\"h" + i + ".example.com\"")
                .collect(Collectors.joining(","));

        assertThat(sim.outcome("ModifyHostsCertificate", "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[],\"Mode\":\"disable\"}"))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
        assertThat(sim.outcome("ModifyHostsCertificate",
                "{\"ZoneId\":\"zone-alpha1\",\"Hosts\":[" + hundredAndOne + "],\"Mode\":\"disable\"}"))
                .isEqualTo(ErrorCodes.INVALID_PARAMETER_VALUE);
    }

    @Test
    void isIdempotent() {
        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo("OK");
        assertThat(modify("www.example.com", "sslcert", "cert-new-www")).isEqualTo("OK");

        assertThat(sim.host(ZONE, "www.example.com")).isEqualTo(HostCertificate.deployed("sslcert", List.of("cert-new-www")));
    }
}
