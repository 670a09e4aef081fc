package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.chainPem;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's order and links: leaf first, each certificate signed by the next. */
class CertificateChainTest {

    private static GeneratedCertificate root;
    private static GeneratedCertificate intermediate;
    private static GeneratedCertificate leaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueChain() {
        root = certificate("Test Root CA").ca().build();
        intermediate = certificate("Test Intermediate CA").ca().issuer(root).build();
        leaf = certificate("www.example.com").dnsNames("www.example.com").issuer(intermediate).build();
    }

    private Path certificateFile(String chain) {
        return write(dir.resolve("fullchain.pem"), chain);
    }

    private CertificateBundle load(String chain) {
        return new CertificateFiles(CLOCK).load(certificateFile(chain),
                write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem()));
    }

    @Test
    void acceptsTheLeafAlone() {
        assertThat(load(leaf.certificatePem()).chainPem()).isEqualTo(leaf.certificatePem());
    }

    @Test
    void acceptsAChainWithoutItsRoot() {
        CertificateBundle bundle = load(chainPem(leaf, intermediate));

        assertThat(bundle.chainPem()).isEqualTo(chainPem(leaf, intermediate));
        assertThat(bundle.reordered()).isFalse();
    }

    @Test
    void reordersAChainGivenRootFirst() {
        CertificateBundle bundle = load(chainPem(root, intermediate, leaf));

        assertThat(bundle.chainPem()).isEqualTo(chainPem(leaf, intermediate, root));
        assertThat(bundle.reordered()).isTrue();
    }

    @Test
    void reordersAChainGivenIntermediateFirst() {
        CertificateBundle bundle = load(chainPem(intermediate, leaf, root));

        assertThat(bundle.chainPem()).isEqualTo(chainPem(leaf, intermediate, root));
        assertThat(bundle.reordered()).isTrue();
    }

    @Test
    void refusesAnIntermediateThatDidNotIssueTheLeaf() {
        GeneratedCertificate otherIntermediate = certificate("Other Intermediate CA").ca().issuer(root).build();
        Path file = certificateFile(chainPem(leaf, otherIntermediate));

        assertThatThrownBy(() -> new CertificateFiles(CLOCK).load(file,
                write(dir.resolve("privkey.pem"), leaf.pkcs8KeyPem())))
                .isInstanceOf(CertificateFileException.class)
                .hasMessage(file + ": the chain does not link: certificate 2 (CN=Other Intermediate CA) did not issue"
                        + " certificate 1 (CN=www.example.com), whose issuer is CN=Test Intermediate CA");
    }

    @Test
    void refusesAnIntermediateWithTheIssuersNameButAnotherKey() {
        GeneratedCertificate impostor = certificate("Test Intermediate CA").ca().issuer(root).build();

        assertThatThrownBy(() -> load(chainPem(leaf, impostor)))
                .isInstanceOf(CertificateFileException.class)
                .hasMessageEndingWith(": the chain does not link: certificate 2 has the name of the issuer of"
                        + " certificate 1 (CN=www.example.com) but its key did not sign it");
    }

    @Test
    void refusesARootThatDidNotIssueTheIntermediate() {
        GeneratedCertificate otherRoot = certificate("Other Root CA").ca().build();

        assertThatThrownBy(() -> load(chainPem(leaf, intermediate, otherRoot)))
                .isInstanceOf(CertificateFileException.class)
                .hasMessageEndingWith(": the chain does not link: certificate 3 (CN=Other Root CA) did not issue"
                        + " certificate 2 (CN=Test Intermediate CA), whose issuer is CN=Test Root CA");
    }
}
