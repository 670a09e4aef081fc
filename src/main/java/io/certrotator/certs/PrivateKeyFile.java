package io.certrotator.certs;

import java.nio.file.Path;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the one unencrypted private key of a key file: PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, optionally after the {@code EC PARAMETERS} block
 * that {@code openssl ecparam -genkey} writes). An encrypted key is refused: there is no password option.
 */
final class PrivateKeyFile {

    private static final String ENCRYPTED =
            "encrypted key; a password-protected key is not supported, decrypt it first"
                    + " (openssl pkey -in KEY -out PLAIN_KEY)";

    private PrivateKeyFile() {
    }

    static PrivateKeyInfo read(Path file) {
        List<PrivateKeyInfo> keys = PemFile.read(file).stream()
                .filter(block -> !isEcParameters(block))
                .map(block -> privateKey(file, block))
                .toList();
        if (keys.size() > 1) {
            throw new CertificateFileException(file, keys.size() + " private keys; expected exactly one");
        }
        if (keys.isEmpty()) {
            throw new CertificateFileException(file, "no private key, only EC PARAMETERS");
        }
        return keys.get(0);
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
                "contains " + PemFile.describe(block) + ", not a private key"
                        + " (expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)");
    }

    private static boolean isEcParameters(Object block) {
        return block instanceof ASN1ObjectIdentifier || block instanceof X9ECParameters;
    }
}
