package io.certrotator.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes keys and certificates for tests with BouncyCastle on the JDK's providers, so that no key lives in a
 * fixture file. A certificate is self-signed unless given an issuer, valid around {@link #NOW} unless told
 * otherwise, and has a fresh EC P-256 key (quick to make) unless given one:
 *
 * <pre>{@code
 * GeneratedCertificate root = TestCertificates.certificate("Root CA").ca().build();
 * GeneratedCertificate leaf = TestCertificates.certificate("www.example.com")
 *         .dnsNames("www.example.com").issuer(root).build();
 * }</pre>
 */
public final class TestCertificates {

    /** The instant the default validity is around; {@link #CLOCK} stands still at it. */
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** For what the JDK's providers cannot do: small EC curves, encrypting keys, SEC1 with the curve. */
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private TestCertificates() {
    }

    public static KeyPair rsaKey(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An EC key on a named curve, {@code secp256r1} say. BouncyCastle makes it: the JDK 17 knows only P-256,
     * P-384 and P-521, and a test needs a smaller one.
     */
    public static KeyPair ecKey(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Builder certificate(String commonName) {
        return new Builder(commonName);
    }

    /** The certificates' PEM blocks one after the other, in the order given. */
    public static String chainPem(GeneratedCertificate... certificates) {
        return String.join("", Arrays.stream(certificates).map(GeneratedCertificate::certificatePem).toList());
    }

    /** Writes the text to the file (creating its folders) and returns the file. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {

        private final String commonName;
        private List<String> dnsNames = List.of();
        private KeyPair keyPair;
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(60));
        private boolean ca;
        private GeneratedCertificate issuer;
        private List<KeyPurposeId> extendedKeyUsage = List.of();
        private Integer keyUsage;

        private Builder(String commonName) {
            this.commonName = commonName;
        }

        /** subjectAltName dNSName entries; none by default, leaving only the CN. */
        public Builder dnsNames(String... names) {
            this.dnsNames = List.of(names);
            return this;
        }

        public Builder key(KeyPair keyPair) {
            this.keyPair = keyPair;
            return this;
        }

        public Builder validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        /** basicConstraints CA=true and the keyCertSign usage; otherwise CA=false. */
        public Builder ca() {
            this.ca = true;
            return this;
        }

        public Builder issuer(GeneratedCertificate issuer) {
            this.issuer = issuer;
            return this;
        }

        /** An extendedKeyUsage extension with these purposes; none by default. */
        public Builder extendedKeyUsage(KeyPurposeId... purposes) {
            this.extendedKeyUsage = List.of(purposes);
            return this;
        }

        /** A keyUsage extension with these {@link KeyUsage} bits ({@code KeyUsage.digitalSignature | ...}). */
        public Builder keyUsage(int usage) {
            this.keyUsage = usage;
            return this;
        }

        public GeneratedCertificate build() {
            KeyPair subjectKey = keyPair != null ? keyPair : ecKey("secp256r1");
            X500Name subject = new X500Name("CN=" + commonName);
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            KeyPair signingKey = issuer == null ? subjectKey : issuer.keyPair();
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        subject, subjectKey.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (ca) {
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (!extendedKeyUsage.isEmpty()) {
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(extendedKeyUsage.toArray(KeyPurposeId[]::new)));
                }
                if (!dnsNames.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                            .map(name -> new GeneralName(GeneralName.dNSName, name))
                            .toArray(GeneralName[]::new)));
                }
                String signature = signingKey.getPublic().getAlgorithm().equals("RSA")
                        ? "SHA256withRSA" : "SHA256withECDSA";
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder(signature).build(signingKey.getPrivate())));
                return new GeneratedCertificate(certificate, subjectKey);
            } catch (CertIOException | OperatorCreationException | CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
