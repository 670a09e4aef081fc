package io.certrotator.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * What the SSL service reads from an upload, with BouncyCastle directly rather than through {@code certs}: the
 * simulator stands for the server's rules, so a client check that {@code certs} missed is not hidden by the same
 * code answering for the server. The first certificate of {@code CertificatePublicKey} is the one described (the
 * service takes the chain leaf first); the key is PKCS#8 or the traditional RSA/EC form, unencrypted.
 *
 * @param names       the subject CN first, then the subjectAltName dNSName entries, lower-cased, without repeats
 * @param algorithm   {@code RSA 2048}, {@code ECC 256}: how DescribeCertificates shows it
 * @param fingerprint SHA-256 of the leaf, the identity a repeated upload is recognized by
 */
record UploadedPem(X509Certificate leaf, Set<String> names, String algorithm, String fingerprint) {

    static final String PARSE_ERROR = "FailedOperation.CertificateParseError";
    static final String MISMATCH = "FailedOperation.CertificateMismatch";
    static final String INVALID = "FailedOperation.CertificateInvalid";
    private static final byte[] PROBE = "simulator key match".getBytes(StandardCharsets.US_ASCII);

    /** @throws ApiException {@value #PARSE_ERROR} or {@value #MISMATCH}; the message never quotes the key */
    static UploadedPem parse(String certificatePem, String privateKeyPem) {
        X509Certificate leaf = leaf(certificatePem);
        PrivateKey key = privateKey(privateKeyPem);
        if (!matches(key, leaf.getPublicKey())) {
            throw new ApiException(MISMATCH, "the private key does not match the certificate");
        }
        return new UploadedPem(leaf, names(leaf), algorithm(leaf.getPublicKey()), fingerprint(leaf));
    }

    private static X509Certificate leaf(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (!(block instanceof X509CertificateHolder holder)) {
                    throw parseError("CertificatePublicKey holds something other than certificates");
                }
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw e instanceof ApiException api ? api : parseError("CertificatePublicKey is not a PEM certificate");
        }
        if (certificates.isEmpty()) {
            throw parseError("CertificatePublicKey holds no certificate");
        }
        return certificates.get(0);
    }

    private static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object block = parser.readObject();
            PrivateKeyInfo info = block instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                    : block instanceof PrivateKeyInfo plain ? plain : null;
            if (info == null || parser.readObject() != null) {
                throw parseError("CertificatePrivateKey is not one unencrypted private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            // the parser's own messages may quote the text: none of them is passed on
            throw e instanceof ApiException api ? api : parseError("CertificatePrivateKey cannot be parsed");
        }
    }

    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = publicKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<String> names(X509Certificate leaf) {
        Set<String> names = new LinkedHashSet<>();
        X500Name subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        for (RDN cn : subject.getRDNs(BCStyle.CN)) {
            names.add(IETFUtils.valueToString(cn.getFirst().getValue()));
        }
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                leaf.getSubjectAlternativeNames().stream()
                        .filter(entry -> Integer.valueOf(2).equals(entry.get(0)))   // dNSName
                        .forEach(entry -> names.add(String.valueOf(entry.get(1))));
            }
        } catch (CertificateException e) {
            throw parseError("the certificate's subjectAltName cannot be read");
        }
        return names;
    }

    private static String algorithm(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "ECC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        throw parseError("the certificate's key is neither RSA nor EC");
    }

    private static String fingerprint(X509Certificate leaf) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException parseError(String message) {
        return new ApiException(PARSE_ERROR, message);
    }

    /** Never shows the key (there is none here) nor the certificate's body. */
    @Override
    public String toString() {
        return "UploadedPem[names=" + names + ", algorithm=" + algorithm + ", fingerprint=" + fingerprint + "]";
    }
}
