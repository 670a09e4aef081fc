package io.certrotator.certs;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Checks a certificate file and its key file before anything is uploaded (the local part of {@code upload}):
 * the chain parses and links (put leaf first if it was not), the leaf is a server certificate (not a CA, its usage
 * extensions as {@link ServerUsage} checks them) valid now with an RSA key of at least 2048 bits or an EC key of at
 * least 256, and the key is the leaf's.
 */
public final class CertificateFiles {

    private final Clock clock;

    public CertificateFiles(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws CertificateFileException naming the file at fault and the problem, in one line
     */
    public CertificateBundle load(Path certificateFile, Path keyFile) {
        CertificateChain chain = CertificateChainFile.read(certificateFile);
        PrivateKeyFile.Content keyFileContent = PrivateKeyFile.read(keyFile);
        PrivateKeyInfo keyInfo = keyFileContent.key();
        X509Certificate leaf = chain.leaf();
        requireServerCertificate(certificateFile, leaf);
        requireValidNow(certificateFile, leaf);
        KeyAlgorithm algorithm = requireStrongKey(certificateFile, leaf);
        if (!KeyMatch.matches(privateKey(keyFile, keyInfo), leaf.getPublicKey(), algorithm.type())) {
            throw new CertificateFileException(keyFile,
                    "the private key does not match the certificate (" + subject(leaf) + ")");
        }
        return new CertificateBundle(CertificateNames.of(certificateFile, leaf), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), algorithm, PemText.of(chain.certificates()), PemText.of(keyInfo),
                chain.reordered(), fingerprint(leaf), KeyFilePermissions.warning(keyFile).stream().toList(),
                certificatesBeside(keyFile, keyFileContent.certificates()));
    }

    private static void requireServerCertificate(Path file, X509Certificate leaf) {
        if (leaf.getBasicConstraints() >= 0) {
            throw new CertificateFileException(file, "the leaf certificate (" + subject(leaf)
                    + ") is a CA certificate (basicConstraints CA=true), not a server certificate");
        }
        ServerUsage.problem(file, leaf).ifPresent(problem -> {
            throw new CertificateFileException(file, "the leaf certificate (" + subject(leaf) + ") " + problem
                    + ", not a server certificate");
        });
    }

    private void requireValidNow(Path file, X509Certificate leaf) {
        Instant now = clock.instant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new CertificateFileException(file, "the certificate (" + subject(leaf) + ") expired on " + notAfter
                    + " (valid from " + notBefore + ")");
        }
        if (now.isBefore(notBefore)) {
            throw new CertificateFileException(file, "the certificate (" + subject(leaf) + ") is not valid until "
                    + notBefore + " (valid to " + notAfter + ")");
        }
    }

    private static KeyAlgorithm requireStrongKey(Path file, X509Certificate leaf) {
        KeyAlgorithm algorithm = KeyAlgorithm.of(leaf.getPublicKey())
                .orElseThrow(() -> new CertificateFileException(file, "the certificate's key is "
                        + leaf.getPublicKey().getAlgorithm() + "; only RSA and EC keys are supported"));
        if (algorithm.tooSmall()) {
            throw new CertificateFileException(file, "the certificate's key is too small: " + algorithm
                    + " bits; at least " + algorithm.type() + " " + algorithm.type().minimumBits() + " is needed");
        }
        return algorithm;
    }

    private static PrivateKey privateKey(Path keyFile, PrivateKeyInfo keyInfo) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(keyInfo);
        } catch (PEMException e) {
            throw new CertificateFileException(keyFile, "the private key cannot be read as an RSA or EC key"
                    + " (algorithm " + keyInfo.getPrivateKeyAlgorithm().getAlgorithm() + ")");
        }
    }

    private static List<String> certificatesBeside(Path keyFile, int certificates) {
        return certificates == 0 ? List.of() : List.of(keyFile + " also holds " + certificates
                + (certificates == 1 ? " certificate" : " certificates") + " beside the key: ignored, the chain sent is"
                + " the certificate file's");
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String fingerprint(X509Certificate leaf) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
