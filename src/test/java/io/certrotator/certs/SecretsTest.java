package io.certrotator.certs;

import static io.certrotator.certs.TestCertificates.CLOCK;
import static io.certrotator.certs.TestCertificates.certificate;
import static io.certrotator.certs.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No part of a private key shows in an error message or in the bundle's toString. */
class SecretsTest {

    private static GeneratedCertificate leaf;
    private static GeneratedCertificate other;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueCertificates() {
        leaf = certificate("www.example.com").build();
        other = certificate("other.example.com").build();
    }

    /** Every 16-character run of the key files' base64 lines, header lines left out. */
    private static List<String> keyMaterial(String... pems) {
        return Arrays.stream(pems)
                .flatMap(String::lines)
                .filter(line -> !line.startsWith("-----") && !line.contains(":") && line.length() >= 16)
                .flatMap(line -> Stream.iterate(0, start -> start + 16 <= line.length(), start -> start + 1)
                        .map(start -> line.substring(start, start + 16)))
                .toList();
    }

    static Stream<String> badKeyFiles() {
        return Stream.of(
                other.pkcs8KeyPem(),
                other.traditionalKeyPem(),
                other.encryptedPkcs8KeyPem("secret"),
                other.encryptedTraditionalKeyPem("secret"),
                leaf.pkcs8KeyPem() + other.pkcs8KeyPem(),
                leaf.pkcs8KeyPem().replace("PRIVATE KEY", "PRIVATE KEYS"),
                leaf.pkcs8KeyPem().replace("\n-----END", "AAAA\n-----END"));
    }

    @ParameterizedTest
    @MethodSource("badKeyFiles")
    void noErrorMessageAboutAKeyFileContainsItsContent(String keyText) {
        Path certificateFile = write(dir.resolve("cert.pem"), leaf.certificatePem());
        Path keyFile = write(dir.resolve("key.pem"), keyText);

        CertificateFileException e = catchThrowableOfType(CertificateFileException.class,
                () -> new CertificateFiles(CLOCK).load(certificateFile, keyFile));

        assertThat(e).isNotNull().hasNoCause();
        assertThat(keyMaterial(keyText)).isNotEmpty().noneMatch(e.getMessage()::contains);
    }

    @Test
    void noErrorMessageAboutACertificateFileContainsAKeyInIt() {
        Path certificateFile = write(dir.resolve("cert.pem"), leaf.certificatePem() + leaf.pkcs8KeyPem());
        Path keyFile = write(dir.resolve("key.pem"), leaf.pkcs8KeyPem());

        CertificateFileException e = catchThrowableOfType(CertificateFileException.class,
                () -> new CertificateFiles(CLOCK).load(certificateFile, keyFile));

        assertThat(keyMaterial(leaf.pkcs8KeyPem())).noneMatch(e.getMessage()::contains);
    }

    @Test
    void theBundlesToStringLeavesTheKeyOut() {
        CertificateBundle bundle = new CertificateFiles(CLOCK).load(
                write(dir.resolve("cert.pem"), leaf.certificatePem()), write(dir.resolve("key.pem"), leaf.pkcs8KeyPem()));

        assertThat(bundle.toString()).contains("privateKeyPem=(redacted)");
        assertThat(keyMaterial(bundle.privateKeyPem())).isNotEmpty().noneMatch(bundle.toString()::contains);
    }
}
