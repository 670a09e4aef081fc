package io.certrotator.plan;

/**
 * {@code --replace} names a certificate that cannot be planned: one the estate read does not have (a NEW one the
 * account does not hold, or an OLD one it does not hold and no host serves), or a NEW one no host may be given (expired,
 * not issued, ...). It is a mistake on the command line.
 */
public final class RefusedReplacementException extends RuntimeException {

    RefusedReplacementException(String message) {
        super(message, null, false, false);
    }
}
