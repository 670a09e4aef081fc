package io.certrotator.edgeone;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of DescribeAccelerationDomains: the hosts it lists with their certificate configuration and state, and
 * how many hosts match the request in all ({@code TotalCount}: the zone's size when no filter was given).
 */
public record DomainPage(long totalCount, Map<String, HostConfig> hosts) {

    public DomainPage {
        hosts = Map.copyOf(hosts);
    }

    /** A host without a {@code Certificate} object carries none: mode {@code disable}. */
    public static DomainPage of(JsonNode response) {
        Map<String, HostConfig> hosts = new LinkedHashMap<>();
        for (JsonNode domain : response.path("AccelerationDomains")) {
            JsonNode certificate = domain.path("Certificate");
            List<HostConfig.Cert> certs = new ArrayList<>();
            for (JsonNode cert : certificate.path("List")) {
                certs.add(new HostConfig.Cert(cert.path("CertId").asString(""), cert.path("Status").asString(""),
                        cert.path("SignAlgo").asString("")));
            }
            hosts.put(domain.path("DomainName").asString(""),
                    new HostConfig(certificate.path("Mode").asString("disable"), certs,
                            HostState.of(domain.path("DomainStatus").asString(""))));
        }
        return new DomainPage(response.path("TotalCount").asLong(hosts.size()), hosts);
    }
}
