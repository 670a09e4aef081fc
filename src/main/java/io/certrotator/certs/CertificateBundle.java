package io.certrotator.certs;

import java.time.Instant;
import java.util.List;

/**
 * A checked certificate and its key, ready to upload.
 *
 * @param names             the leaf's DNS names (subjectAltName dNSName entries, else its subject CN)
 * @param keyAlgorithm      the leaf's key, {@code RSA 2048} or {@code ECC 256} style
 * @param chainPem          the chain as PEM, leaf first: the upload's {@code CertificatePublicKey}
 * @param privateKeyPem     the key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}), whatever encoding the key
 *                          file had: the upload's {@code CertificatePrivateKey}. Never shown by {@link #toString()}.
 * @param reordered         the certificate file did not have the chain leaf first; {@code chainPem} does
 * @param sha256Fingerprint the leaf's SHA-256 fingerprint, upper-case hex pairs joined by {@code :}
 * @param warnings          one line each, for the user (a key file others can read)
 * @param notes             one line each, for the user (certificates in the key file, ignored)
 */
public record CertificateBundle(List<String> names, Instant notBefore, Instant notAfter, KeyAlgorithm keyAlgorithm,
        String chainPem, String privateKeyPem, boolean reordered, String sha256Fingerprint, List<String> warnings,
        List<String> notes) {

    public CertificateBundle {
        names = List.copyOf(names);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public KeyType keyType() {
        return keyAlgorithm.type();
    }

    /** Whether one of the leaf's names covers the host (see {@link HostNameMatch}). */
    public boolean covers(String host) {
        return names.stream().anyMatch(name -> HostNameMatch.covers(name, host));
    }

    @Override
    public String toString() {
        return "CertificateBundle[names=" + names + ", notBefore=" + notBefore + ", notAfter=" + notAfter
                + ", keyAlgorithm=" + keyAlgorithm + ", reordered=" + reordered + ", sha256Fingerprint="
                + sha256Fingerprint + ", warnings=" + warnings + ", notes=" + notes + ", privateKeyPem=(redacted)]";
    }
}
