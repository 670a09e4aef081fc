package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.chainPem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certbot lineage helper lays files out as certbot does, and they load. */
class CertbotLayoutTest {

    private static GeneratedCertificate intermediate;
    private static GeneratedCertificate leaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueChain() {
        GeneratedCertificate root = certificate("Test Root CA").ca().build();
        intermediate = certificate("Test Intermediate CA").ca().issuer(root).build();
        leaf = certificate("www.example.com").dnsNames("www.example.com").issuer(intermediate).build();
    }

    @Test
    void liveFilesAreRelativeLinksToVersionOneInTheArchive() throws Exception {
        CertbotLayout layout = CertbotLayout.create(dir, "example.com", leaf, intermediate);

        assertThat(Files.readSymbolicLink(layout.fullchain()))
                .isEqualTo(Path.of("..", "..", "archive", "example.com", "fullchain1.pem"));
        assertThat(layout.lineage()).isEqualTo(dir.resolve("live/example.com"));
    }

    @Test
    void theFilesHoldWhatCertbotPutsInThem() throws Exception {
        CertbotLayout layout = CertbotLayout.create(dir, "example.com", leaf, intermediate);

        assertThat(layout.cert()).hasContent(leaf.certificatePem());
        assertThat(layout.chain()).hasContent(intermediate.certificatePem());
        assertThat(layout.fullchain()).hasContent(chainPem(leaf, intermediate));
        assertThat(layout.privkey()).hasContent(leaf.pkcs8KeyPem());
    }

    @Test
    void theLiveFullchainAndPrivkeyLoadWithoutWarnings() {
        CertbotLayout layout = CertbotLayout.create(dir, "example.com", leaf, intermediate);

        CertificateBundle bundle = new CertificateFiles(CLOCK).load(layout.fullchain(), layout.privkey());

        assertThat(bundle.names()).containsExactly("www.example.com");
        assertThat(bundle.warnings()).isEmpty();
    }

    @Test
    void aRenewalPointsTheLiveLinksAtTheNextVersion() throws Exception {
        GeneratedCertificate renewed = certificate("www.example.com").dnsNames("www.example.com")
                .issuer(intermediate).build();

        CertbotLayout layout = CertbotLayout.create(dir, "example.com", leaf, intermediate)
                .renew(renewed, intermediate);

        assertThat(layout.version()).isEqualTo(2);
        assertThat(Files.readSymbolicLink(layout.privkey()))
                .isEqualTo(Path.of("..", "..", "archive", "example.com", "privkey2.pem"));
        assertThat(layout.cert()).hasContent(renewed.certificatePem());
        assertThat(layout.archive().resolve("cert1.pem")).hasContent(leaf.certificatePem());
    }
}
