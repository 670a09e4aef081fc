package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.NOW;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.chainPem;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.stream.Stream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaf itself: a server certificate (its usage extensions allowing TLS servers), valid now, with a key large enough. */
class LeafCertificateTest {

    private static GeneratedCertificate root;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueRoot() {
        root = certificate("Test Root CA").ca().build();
    }

    private CertificateBundle load(GeneratedCertificate leaf) {
        return new CertificateFiles(CLOCK).load(write(dir.resolve("fullchain.pem"), chainPem(leaf, root)),
                write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem()));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertThatLoading(GeneratedCertificate leaf,
            GeneratedCertificate... chain) {
        Path certificateFile = write(dir.resolve("fullchain.pem"),
                chainPem(Stream.concat(Stream.of(leaf), Stream.of(chain)).toArray(GeneratedCertificate[]::new)));
        Path keyFile = write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem());
        return assertThatThrownBy(() -> new CertificateFiles(CLOCK).load(certificateFile, keyFile))
                .isInstanceOf(CertificateFileException.class);
    }

    @Test
    void refusesAnExpiredCertificate() {
        GeneratedCertificate expired = certificate("old.example.com")
                .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1))).issuer(root).build();

        assertThatLoading(expired).hasMessageEndingWith(": the certificate (CN=old.example.com) expired on"
                + " 2026-05-31T00:00:00Z (valid from 2026-03-03T00:00:00Z)");
    }

    @Test
    void refusesACertificateNotYetValid() {
        GeneratedCertificate future = certificate("new.example.com")
                .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))).issuer(root).build();

        assertThatLoading(future).hasMessageEndingWith(": the certificate (CN=new.example.com) is not valid until"
                + " 2026-06-02T00:00:00Z (valid to 2026-08-30T00:00:00Z)");
    }

    @Test
    void refusesACaCertificateAsTheLeaf() {
        GeneratedCertificate intermediate = certificate("Test Intermediate CA").ca().issuer(root).build();

        assertThatLoading(intermediate, root).hasMessageEndingWith(": the leaf certificate (CN=Test Intermediate CA)"
                + " is a CA certificate (basicConstraints CA=true), not a server certificate");
    }

    @Test
    void refusesAnRsaKeyOf1024Bits() {
        GeneratedCertificate small = certificate("small.example.com").key(TestCertificates.rsaKey(1024))
                .issuer(root).build();

        assertThatLoading(small).hasMessageEndingWith(
                ": the certificate's key is too small: RSA 1024 bits; at least RSA 2048 is needed");
    }

    @Test
    void refusesAnEcKeyOf192Bits() {
        GeneratedCertificate small = certificate("small.example.com").key(TestCertificates.ecKey("secp192r1"))
                .issuer(root).build();

        assertThatLoading(small).hasMessageEndingWith(
                ": the certificate's key is too small: ECC 192 bits; at least ECC 256 is needed");
    }

    @Test
    void refusesAKeyThatIsNeitherRsaNorEc() throws Exception {
        GeneratedCertificate edwards = certificate("ed.example.com")
                .key(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()).issuer(root).build();

        assertThatLoading(edwards).hasMessageEndingWith(
                ": the certificate's key is EdDSA; only RSA and EC keys are supported");
    }

    @Test
    void refusesACertificateForClientAuthenticationOnly() {
        GeneratedCertificate client = certificate("shop.example.com").dnsNames("shop.example.com")
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issuer(root).build();

        assertThatLoading(client).hasMessageEndingWith(": the leaf certificate (CN=shop.example.com) has"
                + " extendedKeyUsage clientAuth without serverAuth, not a server certificate");
    }

    @Test
    void acceptsAnExtendedKeyUsageWithServerAuthAmongOthers() {
        GeneratedCertificate both = certificate("shop.example.com")
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth).issuer(root).build();

        assertThat(load(both).names()).containsExactly("shop.example.com");
    }

    @Test
    void acceptsAnyExtendedKeyUsage() {
        GeneratedCertificate any = certificate("shop.example.com")
                .extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).issuer(root).build();

        assertThat(load(any).names()).containsExactly("shop.example.com");
    }

    @Test
    void acceptsALeafWithoutUsageExtensions() throws Exception {
        GeneratedCertificate plain = certificate("shop.example.com").issuer(root).build();

        assertThat(plain.certificate().getExtendedKeyUsage()).isNull();
        assertThat(plain.certificate().getKeyUsage()).isNull();
        assertThat(load(plain).names()).containsExactly("shop.example.com");
    }

    @Test
    void refusesAKeyUsageWithoutDigitalSignatureOrKeyEncipherment() {
        GeneratedCertificate signer = certificate("shop.example.com").keyUsage(KeyUsage.nonRepudiation)
                .issuer(root).build();

        assertThatLoading(signer).hasMessageEndingWith(": the leaf certificate (CN=shop.example.com) has a keyUsage"
                + " without digitalSignature or keyEncipherment, not a server certificate");
    }

    @Test
    void acceptsAKeyUsageWithKeyEnciphermentOnly() {
        GeneratedCertificate rsa = certificate("shop.example.com").key(TestCertificates.rsaKey(2048))
                .keyUsage(KeyUsage.keyEncipherment).issuer(root).build();

        assertThat(load(rsa).keyType()).isEqualTo(KeyType.RSA);
    }
}
