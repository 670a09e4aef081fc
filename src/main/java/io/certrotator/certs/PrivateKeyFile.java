package io.certrotator.certs;

import java.nio.file.Path;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the one unencrypted private key of a key file: PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, optionally after the {@code EC PARAMETERS} block
 * that {@code openssl ecparam -genkey} writes), alone or beside CERTIFICATE blocks. An encrypted key is refused: there
 * is no password option.
 */
final class PrivateKeyFile {

    private static final String ENCRYPTED =
            "encrypted key; a password-protected key is not supported, decrypt it first"
                    + " (openssl pkey -in KEY -out PLAIN_KEY)";

    private static final String EXPECTED = " (expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)";

    private PrivateKeyFile() {
    }

    /**
     * The file's key, and how many CERTIFICATE blocks came with it (a combined PEM, key and chain in one file): those
     * are ignored, the certificate file gives the chain.
     */
    record Content(PrivateKeyInfo key, int certificates) {
    }

    static Content read(Path file) {
        List<Object> blocks = PemFile.read(file).stream().filter(block -> !isEcParameters(block)).toList();
        List<Object> certificates = blocks.stream().filter(X509CertificateHolder.class::isInstance).toList();
        List<PrivateKeyInfo> keys = blocks.stream()
                .filter(block -> !(block instanceof X509CertificateHolder))
                .map(block -> privateKey(file, block))
                .toList();
        if (keys.size() > 1) {
            throw new CertificateFileException(file, keys.size() + " private keys; expected exactly one");
        }
        if (keys.isEmpty()) {
            throw new CertificateFileException(file, certificates.isEmpty() ? "no private key, only EC PARAMETERS"
                    : "contains " + PemFile.describe(certificates.get(0)) + ", not a private key" + EXPECTED);
        }
        return new Content(keys.get(0), certificates.size());
    }

    private static PrivateKeyInfo privateKey(Path file, Object block) {
        if (block instanceof PrivateKeyInfo pkcs8) {
            return pkcs8;
        }
        if (block instanceof PEMKeyPair traditional) {
            return traditional.getPrivateKeyInfo();
        }
        if (block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair) {
            throw new CertificateFileException(file, ENCRYPTED);
        }
        throw new CertificateFileException(file,
                "contains " + PemFile.describe(block) + ", not a private key" + EXPECTED);
    }

    private static boolean isEcParameters(Object block) {
        return block instanceof ASN1ObjectIdentifier || block instanceof X9ECParameters;
    }
}
