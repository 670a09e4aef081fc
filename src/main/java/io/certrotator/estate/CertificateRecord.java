package io.certrotator.estate;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A certificate of the account as the SSL service's DescribeCertificates shows it. {@code status} is the service's
 * number (1 issued, 3 expired, ...); {@code certificateType} {@code SVR} or {@code CA}. A validity time that cannot be
 * read is empty.
 */
public record CertificateRecord(String certificateId, String alias, String domain, List<String> subjectAltNames,
                                Optional<Instant> notBefore, Optional<Instant> notAfter, int status,
                                String encryptAlgorithm, String certificateType) {

    public CertificateRecord {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    static CertificateRecord of(JsonNode cert) {
        List<String> names = new ArrayList<>();
        cert.path("SubjectAltName").forEach(name -> names.add(name.asString("")));
        return new CertificateRecord(cert.path("CertificateId").asString(""), cert.path("Alias").asString(""),
                cert.path("Domain").asString(""), names, ApiTimes.sslService(cert.path("CertBeginTime").asString(null)),
                ApiTimes.sslService(cert.path("CertEndTime").asString(null)), cert.path("Status").asInt(-1),
                cert.path("EncryptAlgorithm").asString(""), cert.path("CertificateType").asString(""));
    }
}
