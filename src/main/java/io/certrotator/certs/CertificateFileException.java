package io.certrotator.certs;

import java.nio.file.Path;

/**
 * A certificate or key file cannot be used. The message is one line, names the file and the problem, and is
 * meant for the user as is. It never contains any part of a private key.
 */
public class CertificateFileException extends RuntimeException {

    public CertificateFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public CertificateFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
