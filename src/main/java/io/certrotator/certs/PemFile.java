package io.certrotator.certs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads every PEM block of a file into the object BouncyCastle's {@link PEMParser} makes of it.
 *
 * <p>No BouncyCastle message or cause goes into the exception: for a key file it could describe the key's
 * content.
 */
final class PemFile {

    /** EF BB BF, as Latin-1 reads it. */
    private static final String UTF8_BYTE_ORDER_MARK = "\u00ef\u00bb\u00bf";

    private PemFile() {
    }

    /** The file's PEM blocks in file order; an exception if there is none or one cannot be read. */
    static List<Object> read(Path file) {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text(file)))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (IOException e) {
            throw new CertificateFileException(file,
                    "PEM block " + (blocks.size() + 1) + " is malformed or of a type this tool does not know");
        }
        if (blocks.isEmpty()) {
            throw new CertificateFileException(file, "not a PEM file (no -----BEGIN ...----- block found)");
        }
        return blocks;
    }

    /** What a block is, for a message: its kind only, never its content. */
    static String describe(Object block) {
        if (block instanceof X509CertificateHolder) {
            return "a CERTIFICATE";
        }
        if (block instanceof PrivateKeyInfo || block instanceof PEMKeyPair
                || block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair) {
            return "a private key";
        }
        if (block instanceof SubjectPublicKeyInfo) {
            return "a PUBLIC KEY";
        }
        if (block instanceof PKCS10CertificationRequest) {
            return "a CERTIFICATE REQUEST";
        }
        return "a " + block.getClass().getSimpleName() + " block";
    }

    /**
     * Latin-1 so that a binary file (DER, say) is read without a decoding error and found to hold no block. A leading
     * UTF-8 byte-order mark (Windows editors write one) is dropped: before the first {@code -----BEGIN} it would hide
     * that block from the parser, which looks for it at the start of a line.
     */
    private static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new CertificateFileException(file, "is a directory, not a file");
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.startsWith(UTF8_BYTE_ORDER_MARK) ? text.substring(UTF8_BYTE_ORDER_MARK.length()) : text;
        } catch (NoSuchFileException e) {
            throw new CertificateFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new CertificateFileException(file, "permission denied");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
            throw new CertificateFileException(file, "cannot read the file: " + reason);
        }
    }
}
