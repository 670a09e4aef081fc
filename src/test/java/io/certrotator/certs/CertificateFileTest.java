package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate file as a file: missing, unreadable, not PEM, holding something else, starting with a BOM. */
class CertificateFileTest {

    private static GeneratedCertificate leaf;

    @TempDir
    Path dir;

    private Path keyFile;

    @BeforeAll
    static void issueCertificate() {
        leaf = certificate("www.example.com").build();
    }

    private void assertProblem(Path certificateFile, String problem) {
        keyFile = write(dir.resolve("key.pem"), leaf.pkcs8KeyPem());
        assertThatThrownBy(() -> new CertificateFiles(CLOCK).load(certificateFile, keyFile))
                .isInstanceOf(CertificateFileException.class)
                .hasMessage(certificateFile + ": " + problem);
    }

    @Test
    void refusesAMissingFile() {
        assertProblem(dir.resolve("missing.pem"), "no such file");
    }

    @Test
    void refusesADirectory() {
        assertProblem(dir, "is a directory, not a file");
    }

    @Test
    void refusesAFileItCannotRead() throws Exception {
        Path file = write(dir.resolve("cert.pem"), leaf.certificatePem());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assumeFalse(Files.isReadable(file), "root reads every file");
        assertProblem(file, "permission denied");
    }

    @Test
    void refusesAFileWithoutPemBlocks() throws Exception {
        Path der = Files.write(dir.resolve("cert.der"), leaf.certificate().getEncoded());

        assertProblem(der, "not a PEM file (no -----BEGIN ...----- block found)");
    }

    @Test
    void refusesABlockOfAnUnknownType() {
        Path file = write(dir.resolve("cert.pem"), "-----BEGIN STUFF-----\nAAAA\n-----END STUFF-----\n");

        assertProblem(file, "PEM block 1 is malformed or of a type this tool does not know");
    }

    @Test
    void refusesABlockThatIsNotBase64() {
        Path file = write(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");

        assertProblem(file, "PEM block 1 is malformed or of a type this tool does not know");
    }

    @Test
    void refusesACertificateBlockThatIsNotACertificate() {
        Path file = write(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertProblem(file, "PEM block 1 is malformed or of a type this tool does not know");
    }

    @Test
    void refusesAPrivateKeyInTheCertificateFile() {
        Path file = write(dir.resolve("cert.pem"), leaf.certificatePem() + leaf.pkcs8KeyPem());

        assertProblem(file, "contains a private key; expected only CERTIFICATE blocks");
    }

    @Test
    void refusesARepeatedCertificate() {
        Path file = write(dir.resolve("cert.pem"), leaf.certificatePem() + leaf.certificatePem());

        assertProblem(file, "certificate 2 repeats certificate 1");
    }

    @Test
    void readsAFullChainStartingWithAUtf8ByteOrderMark() {
        GeneratedCertificate intermediate = certificate("Test Intermediate").ca().build();
        GeneratedCertificate issued = certificate("shop.example.com").issuer(intermediate).build();
        Path chain = write(dir.resolve("fullchain.pem"),
                "\uFEFF" + TestCertificates.chainPem(issued, intermediate));
        Path key = write(dir.resolve("privkey.pem"), issued.pkcs8KeyPem());

        CertificateBundle bundle = new CertificateFiles(CLOCK).load(chain, key);

        assertThat(bundle.names()).containsExactly("shop.example.com");
        assertThat(bundle.chainPem()).isEqualTo(TestCertificates.chainPem(issued, intermediate));
    }

    @Test
    void readsALeafStartingWithAUtf8ByteOrderMark() {
        Path file = write(dir.resolve("cert.pem"), "\uFEFF" + leaf.certificatePem());

        assertThat(new CertificateFiles(CLOCK).load(file, write(dir.resolve("key.pem"), leaf.pkcs8KeyPem())).names())
                .containsExactly("www.example.com");
    }
}
