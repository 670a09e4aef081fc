package io.certrotator.plan;

import io.certrotator.edgeone.KeyTypeNames;
import io.certrotator.certs.KeyType;
import io.certrotator.estate.CertificateRecord;
import io.certrotator.estate.DeployedCertificate;
import io.certrotator.estate.EstateSnapshot;

import java.time.Instant;
import java.util.Optional;

/**
 * A certificate a host serves, with the best of what is known: the key family and expiry EdgeOne shows on the host,
 * else the SSL service's. Either may be unknown.
 */
record ServedCertificate(String certId, Optional<KeyType> keyType, Optional<Instant> notAfter) {

    static ServedCertificate of(DeployedCertificate deployed, EstateSnapshot snapshot) {
        Optional<CertificateRecord> listed = snapshot.certificate(deployed.certId());
        Optional<KeyType> keyType = KeyTypeNames.of(deployed.signAlgo())
                .or(() -> listed.flatMap(cert -> KeyTypeNames.of(cert.encryptAlgorithm())));
        return new ServedCertificate(deployed.certId(), keyType,
                deployed.expiresAt().or(() -> listed.flatMap(CertificateRecord::notAfter)));
    }
}
