package io.certrotator.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A certbot lineage on disk, as certbot lays it out: the files of version N in {@code archive/NAME/} as
 * {@code certN.pem}, {@code chainN.pem}, {@code fullchainN.pem} and {@code privkeyN.pem} (mode 0600), and
 * {@code live/NAME/cert.pem}, ... as relative symlinks to the newest version. {@link #lineage()} is what certbot
 * passes a deploy hook as {@code RENEWED_LINEAGE}.
 *
 * @param configDir the certbot configuration folder ({@code /etc/letsencrypt})
 * @param name      the lineage's name, usually its first domain
 * @param version   the number of the files the live links point to
 */
public record CertbotLayout(Path configDir, String name, int version) {

    /** Lays out version 1 of the lineage: the leaf, its key and the intermediates that follow it. */
    public static CertbotLayout create(Path configDir, String name, GeneratedCertificate leaf,
            GeneratedCertificate... intermediates) {
        return new CertbotLayout(configDir, name, 0).renew(leaf, intermediates);
    }

    /** Writes the next version and points the live links at it, as a renewal does; this layout is unchanged. */
    public CertbotLayout renew(GeneratedCertificate leaf, GeneratedCertificate... intermediates) {
        CertbotLayout next = new CertbotLayout(configDir, name, version + 1);
        String chain = TestCertificates.chainPem(intermediates);
        next.publish("cert", leaf.certificatePem());
        next.publish("chain", chain);
        next.publish("fullchain", leaf.certificatePem() + chain);
        next.publish("privkey", leaf.pkcs8KeyPem());
        return next;
    }

    public Path lineage() {
        return configDir.resolve("live").resolve(name);
    }

    public Path archive() {
        return configDir.resolve("archive").resolve(name);
    }

    public Path cert() {
        return lineage().resolve("cert.pem");
    }

    public Path chain() {
        return lineage().resolve("chain.pem");
    }

    public Path fullchain() {
        return lineage().resolve("fullchain.pem");
    }

    public Path privkey() {
        return lineage().resolve("privkey.pem");
    }

    private void publish(String kind, String text) {
        Path archived = TestCertificates.write(archive().resolve(kind + version + ".pem"), text);
        try {
            if (kind.equals("privkey")) {
                Files.setPosixFilePermissions(archived, PosixFilePermissions.fromString("rw-------"));
            }
            Path link = lineage().resolve(kind + ".pem");
            Files.createDirectories(lineage());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, lineage().relativize(archived));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
