package io.certrotator.estate;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A host of a zone as DescribeAccelerationDomains shows it: its domain status ({@code online}, {@code process},
 * {@code offline}, {@code init}), certificate mode ({@code sslcert}, {@code eofreecert}, ...; {@code disable} when it
 * shows none) and certificates.
 */
public record HostRecord(String zoneId, String host, String domainStatus, String mode,
                         List<DeployedCertificate> certificates) {

    public static final String FREE_CERTIFICATE_MODE = "eofreecert";

    public HostRecord {
        certificates = List.copyOf(certificates);
    }

    static HostRecord of(String zoneId, JsonNode domain) {
        JsonNode certificate = domain.path("Certificate");
        List<DeployedCertificate> certs = new ArrayList<>();
        certificate.path("List").forEach(cert -> certs.add(DeployedCertificate.of(cert)));
        return new HostRecord(zoneId, domain.path("DomainName").asString(""), domain.path("DomainStatus").asString(""),
                certificate.path("Mode").asString("disable"), certs);
    }

    /** On one of EdgeOne's free certificates (applied for automatically or by hand). */
    public boolean onFreeCertificate() {
        return mode.startsWith(FREE_CERTIFICATE_MODE);
    }
}
