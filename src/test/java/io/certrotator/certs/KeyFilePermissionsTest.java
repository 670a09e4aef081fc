package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key file others can read is loaded, with a warning for the user. */
class KeyFilePermissionsTest {

    private static GeneratedCertificate leaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueCertificate() {
        leaf = certificate("www.example.com").build();
    }

    private CertificateBundle loadWithKeyMode(String mode) throws Exception {
        Path keyFile = write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(mode));
        return new CertificateFiles(CLOCK).load(write(dir.resolve("cert.pem"), leaf.certificatePem()), keyFile);
    }

    @Test
    void warnsAboutAKeyFileEveryoneCanRead() throws Exception {
        assertThat(loadWithKeyMode("rw-r--r--").warnings()).containsExactly(dir.resolve("privkey.pem")
                + ": the private key is readable by group or others (mode 0644); chmod 600 it");
    }

    @Test
    void warnsAboutAKeyFileItsGroupCanRead() throws Exception {
        assertThat(loadWithKeyMode("rw-r-----").warnings()).singleElement().asString().contains("(mode 0640)");
    }

    @Test
    void doesNotWarnAboutAKeyFileOnlyItsOwnerCanRead() throws Exception {
        assertThat(loadWithKeyMode("rw-------").warnings()).isEmpty();
    }

    @Test
    void doesNotWarnAboutAKeyFileOthersCanOnlyExecute() throws Exception {
        assertThat(loadWithKeyMode("rw---x--x").warnings()).isEmpty();
    }
}
