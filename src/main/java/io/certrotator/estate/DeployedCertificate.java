package io.certrotator.estate;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/**
 * A certificate on a host as DescribeAccelerationDomains shows it: {@code type} is {@code default}, {@code upload} or
 * {@code managed}; {@code status} {@code deployed}, {@code processing}, {@code applying}, {@code failed} or
 * {@code issued}. {@code expiresAt} is empty when EdgeOne shows no time or one that cannot be read.
 */
public record DeployedCertificate(String certId, String alias, String type, String signAlgo,
                                  Optional<Instant> expiresAt, String status) {

    static DeployedCertificate of(JsonNode cert) {
        return new DeployedCertificate(cert.path("CertId").asString(""), cert.path("Alias").asString(""),
                cert.path("Type").asString(""), cert.path("SignAlgo").asString(""),
                ApiTimes.edgeOne(cert.path("ExpireTime").asString(null)), cert.path("Status").asString(""));
    }
}
