package io.certrotator.certs;

import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Whether a leaf's usage extensions allow a TLS server (RFC 5280 4.2.1.3 and 4.2.1.12), as browsers check them: an
 * extendedKeyUsage, when present, must hold serverAuth or anyExtendedKeyUsage; a keyUsage, when present,
 * digitalSignature or keyEncipherment. A leaf without either extension may serve.
 */
final class ServerUsage {

    private static final List<String> SERVER_PURPOSES =
            List.of(KeyPurposeId.id_kp_serverAuth.getId(), KeyPurposeId.anyExtendedKeyUsage.getId());
    private static final Map<String, String> PURPOSE_NAMES = Map.of(
            KeyPurposeId.id_kp_clientAuth.getId(), "clientAuth",
            KeyPurposeId.id_kp_codeSigning.getId(), "codeSigning",
            KeyPurposeId.id_kp_emailProtection.getId(), "emailProtection",
            KeyPurposeId.id_kp_timeStamping.getId(), "timeStamping",
            KeyPurposeId.id_kp_OCSPSigning.getId(), "OCSPSigning");
    /** Indexes into {@link X509Certificate#getKeyUsage()}. */
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private ServerUsage() {
    }

    /** Why the leaf cannot serve TLS ("has extendedKeyUsage clientAuth without serverAuth"); empty when it can. */
    static Optional<String> problem(Path file, X509Certificate leaf) {
        List<String> purposes = extendedKeyUsage(file, leaf);
        if (purposes != null && purposes.stream().noneMatch(SERVER_PURPOSES::contains)) {
            return Optional.of("has extendedKeyUsage " + String.join(", ", purposes.stream()
                    .map(ServerUsage::purposeName).toList()) + " without serverAuth");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !bit(keyUsage, DIGITAL_SIGNATURE) && !bit(keyUsage, KEY_ENCIPHERMENT)) {
            return Optional.of("has a keyUsage without digitalSignature or keyEncipherment");
        }
        return Optional.empty();
    }

    private static List<String> extendedKeyUsage(Path file, X509Certificate leaf) {
        try {
            return leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new CertificateFileException(file, "the leaf's extendedKeyUsage cannot be read: " + e.getMessage(), e);
        }
    }

    private static String purposeName(String oid) {
        return PURPOSE_NAMES.getOrDefault(oid, oid);
    }

    private static boolean bit(boolean[] bits, int index) {
        return index < bits.length && bits[index];
    }
}
