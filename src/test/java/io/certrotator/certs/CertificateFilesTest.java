package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.chainPem;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.util.HexFormat;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a good certificate file and key file give: the bundle to upload. */
class CertificateFilesTest {

    private static GeneratedCertificate root;
    private static GeneratedCertificate intermediate;
    private static GeneratedCertificate leaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueChain() {
        root = certificate("Test Root CA").ca().build();
        intermediate = certificate("Test Intermediate CA").ca().issuer(root).build();
        leaf = certificate("www.example.com").dnsNames("www.example.com", "example.com").issuer(intermediate).build();
    }

    private CertificateBundle load(String chain, String key) {
        return new CertificateFiles(CLOCK).load(write(dir.resolve("fullchain.pem"), chain),
                write(dir.resolve("privkey.pem"), key));
    }

    @Test
    void loadsAnRsa2048Certificate() {
        GeneratedCertificate rsa = certificate("rsa.example.com").key(TestCertificates.rsaKey(2048)).build();

        CertificateBundle bundle = load(rsa.certificatePem(), rsa.pkcs8KeyPem());

        assertThat(bundle.keyAlgorithm()).hasToString("RSA 2048");
        assertThat(bundle.keyType()).isEqualTo(KeyType.RSA);
    }

    @Test
    void loadsAnEcP256Certificate() {
        CertificateBundle bundle = load(leaf.certificatePem(), leaf.pkcs8KeyPem());

        assertThat(bundle.keyAlgorithm()).hasToString("ECC 256");
        assertThat(bundle.keyType()).isEqualTo(KeyType.ECC);
    }

    @Test
    void namesAreTheSubjectAltNameDnsNames() {
        CertificateBundle bundle = load(leaf.certificatePem(), leaf.pkcs8KeyPem());

        assertThat(bundle.names()).containsExactly("www.example.com", "example.com");
    }

    @Test
    void namesFallBackToTheCommonNameWithoutSubjectAltName() {
        GeneratedCertificate cnOnly = certificate("cn-only.example.com").build();

        assertThat(load(cnOnly.certificatePem(), cnOnly.pkcs8KeyPem()).names()).containsExactly("cn-only.example.com");
    }

    @Test
    void keepsAWildcardName() {
        GeneratedCertificate wildcard = certificate("*.example.com").dnsNames("*.example.com").build();

        CertificateBundle bundle = load(wildcard.certificatePem(), wildcard.pkcs8KeyPem());

        assertThat(bundle.names()).containsExactly("*.example.com");
        assertThat(bundle.covers("www.example.com")).isTrue();
    }

    @Test
    void validityIsTheLeafs() {
        CertificateBundle bundle = load(leaf.certificatePem(), leaf.pkcs8KeyPem());

        assertThat(bundle.notBefore()).isEqualTo(leaf.certificate().getNotBefore().toInstant());
        assertThat(bundle.notAfter()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
    }

    @Test
    void fingerprintIsTheLeafsSha256InColonSeparatedHex() throws Exception {
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.certificate().getEncoded()));

        assertThat(load(chainPem(leaf, intermediate), leaf.pkcs8KeyPem()).sha256Fingerprint()).isEqualTo(expected);
    }

    @Test
    void chainPemIsTheWholeChainLeafFirst() {
        CertificateBundle bundle = load(chainPem(leaf, intermediate, root), leaf.pkcs8KeyPem());

        assertThat(bundle.chainPem()).isEqualTo(chainPem(leaf, intermediate, root));
        assertThat(bundle.reordered()).isFalse();
    }

    @Test
    void privateKeyPemIsTheSameKeyAsPkcs8() throws Exception {
        CertificateBundle bundle = load(leaf.certificatePem(), leaf.traditionalKeyPem());

        try (PEMParser parser = new PEMParser(new StringReader(bundle.privateKeyPem()))) {
            ECPrivateKey key = (ECPrivateKey) new JcaPEMKeyConverter()
                    .getPrivateKey((PrivateKeyInfo) parser.readObject());
            assertThat(key.getS()).isEqualTo(((ECPrivateKey) leaf.keyPair().getPrivate()).getS());
        }
        assertThat(bundle.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
