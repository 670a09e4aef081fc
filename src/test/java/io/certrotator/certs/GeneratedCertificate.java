package io.certrotator.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** A certificate made by {@link TestCertificates} with its key pair, and the PEM texts a test writes to files. */
public record GeneratedCertificate(X509Certificate certificate, KeyPair keyPair) {

    /** One CERTIFICATE block. */
    public String certificatePem() {
        return pem(certificate);
    }

    /** {@code PRIVATE KEY}, as certbot writes it. */
    public String pkcs8KeyPem() {
        try {
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The traditional OpenSSL form: {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1). The key
     * goes through BouncyCastle's provider first: the JDK's EC key leaves the curve out of the inner structure
     * that SEC1 is, and OpenSSL writes it in.
     */
    public String traditionalKeyPem() {
        try {
            return pem(KeyFactory.getInstance(keyPair.getPrivate().getAlgorithm(), TestCertificates.BOUNCY_CASTLE)
                    .generatePrivate(new PKCS8EncodedKeySpec(keyPair.getPrivate().getEncoded())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ENCRYPTED PRIVATE KEY} (PKCS#8, AES-256-CBC). */
    public String encryptedPkcs8KeyPem(String password) {
        try {
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(TestCertificates.BOUNCY_CASTLE)
                            .setPassword(password.toCharArray())
                            .build()));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The traditional form with {@code Proc-Type: 4,ENCRYPTED} headers. */
    public String encryptedTraditionalKeyPem(String password) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(keyPair.getPrivate(), new JcePEMEncryptorBuilder("AES-256-CBC")
                    .setProvider(TestCertificates.BOUNCY_CASTLE)
                    .build(password.toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
