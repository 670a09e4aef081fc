package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: the encodings read, the ones refused, and the key matching the leaf. */
class KeyFileTest {

    private static GeneratedCertificate rsa;
    private static GeneratedCertificate ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueCertificates() {
        rsa = certificate("rsa.example.com").key(TestCertificates.rsaKey(2048)).build();
        ec = certificate("ec.example.com").build();
    }

    private CertificateBundle load(GeneratedCertificate certificate, String key) {
        return new CertificateFiles(CLOCK).load(write(dir.resolve("cert.pem"), certificate.certificatePem()),
                write(dir.resolve("key.pem"), key));
    }

    private String keyFileProblem(GeneratedCertificate certificate, String key) {
        return dir.resolve("key.pem") + ": " + problem(certificate, key);
    }

    private String problem(GeneratedCertificate certificate, String key) {
        try {
            load(certificate, key);
        } catch (CertificateFileException e) {
            return e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
        }
        throw new AssertionError("no CertificateFileException");
    }

    @Test
    void readsAPkcs8RsaKey() {
        assertThat(load(rsa, rsa.pkcs8KeyPem()).keyType()).isEqualTo(KeyType.RSA);
    }

    @Test
    void readsAPkcs1RsaKey() {
        assertThat(rsa.traditionalKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertThat(load(rsa, rsa.traditionalKeyPem()).keyType()).isEqualTo(KeyType.RSA);
    }

    @Test
    void readsAPkcs8EcKey() {
        assertThat(load(ec, ec.pkcs8KeyPem()).keyType()).isEqualTo(KeyType.ECC);
    }

    @Test
    void readsASec1EcKey() {
        assertThat(ec.traditionalKeyPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertThat(load(ec, ec.traditionalKeyPem()).keyType()).isEqualTo(KeyType.ECC);
    }

    @Test
    void readsASec1EcKeyAfterTheEcParametersBlockOfOpensslEcparam() throws IOException {
        StringWriter parameters = new StringWriter();
        try (PemWriter writer = new PemWriter(parameters)) {
            writer.writeObject(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()));
        }

        assertThat(load(ec, parameters + ec.traditionalKeyPem()).keyType()).isEqualTo(KeyType.ECC);
    }

    @Test
    void refusesAnEncryptedPkcs8Key() {
        assertThat(problem(ec, ec.encryptedPkcs8KeyPem("secret")))
                .startsWith("encrypted key; a password-protected key is not supported, decrypt it first");
    }

    @Test
    void refusesAnEncryptedTraditionalKey() {
        assertThat(ec.encryptedTraditionalKeyPem("secret")).contains("Proc-Type: 4,ENCRYPTED");

        assertThat(problem(ec, ec.encryptedTraditionalKeyPem("secret")))
                .startsWith("encrypted key; a password-protected key is not supported, decrypt it first");
    }

    @Test
    void refusesTheKeyOfAnotherCertificate() {
        GeneratedCertificate other = certificate("ec.example.com").build();

        assertThat(keyFileProblem(ec, other.pkcs8KeyPem())).isEqualTo(dir.resolve("key.pem")
                + ": the private key does not match the certificate (CN=ec.example.com)");
    }

    @Test
    void refusesAnRsaKeyForAnEcCertificate() {
        assertThat(problem(ec, rsa.pkcs8KeyPem()))
                .isEqualTo("the private key does not match the certificate (CN=ec.example.com)");
    }

    @Test
    void refusesACertificateAsTheKey() {
        assertThat(problem(ec, ec.certificatePem())).isEqualTo(
                "contains a CERTIFICATE, not a private key (expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)");
    }

    @Test
    void refusesTwoKeys() {
        assertThat(problem(ec, ec.pkcs8KeyPem() + rsa.pkcs8KeyPem())).isEqualTo("2 private keys; expected exactly one");
    }

    @Test
    void refusesAMissingKeyFile() {
        Path certificateFile = write(dir.resolve("cert.pem"), ec.certificatePem());
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> new CertificateFiles(CLOCK).load(certificateFile, missing))
                .isInstanceOf(CertificateFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void readsAKeyFileStartingWithAUtf8ByteOrderMark() {
        assertThat(load(ec, "\uFEFF" + ec.pkcs8KeyPem()).keyType()).isEqualTo(KeyType.ECC);
    }

    @Test
    void readsTheKeyOfAFileThatAlsoHoldsCertificatesAndIgnoresThem() {
        GeneratedCertificate issuer = certificate("Test CA").ca().build();

        CertificateBundle bundle = load(ec, ec.pkcs8KeyPem() + ec.certificatePem() + issuer.certificatePem());

        assertThat(bundle.keyType()).isEqualTo(KeyType.ECC);
        assertThat(bundle.chainPem()).isEqualTo(TestCertificates.chainPem(ec));
    }

    @Test
    void readsAKeyAfterItsCertificate() {
        assertThat(load(rsa, rsa.certificatePem() + rsa.traditionalKeyPem()).keyType()).isEqualTo(KeyType.RSA);
    }

    @Test
    void refusesTwoKeysBesideACertificate() {
        assertThat(problem(ec, ec.certificatePem() + ec.pkcs8KeyPem() + rsa.pkcs8KeyPem()))
                .isEqualTo("2 private keys; expected exactly one");
    }
}
