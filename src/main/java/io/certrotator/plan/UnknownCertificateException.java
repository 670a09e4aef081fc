package io.certrotator.plan;

/**
 * {@code --replace} names a certificate the estate read does not have: a NEW one the account does not hold, or an OLD
 * one it does not hold and no host serves. Nothing can be planned for it; it is a mistake on the command line.
 */
public final class UnknownCertificateException extends RuntimeException {

    UnknownCertificateException(String message) {
        super(message, null, false, false);
    }
}
