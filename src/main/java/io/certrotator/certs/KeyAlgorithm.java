package io.certrotator.certs;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * A certificate key's family and size: the modulus length for RSA, the curve's field size for EC.
 * {@link #toString()} is the API's name for it, {@code RSA 2048} or {@code ECC 256}.
 */
public record KeyAlgorithm(KeyType type, int bits) {

    /** Empty for a key that is neither RSA nor EC (Ed25519, DSA, ...). */
    static Optional<KeyAlgorithm> of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return Optional.of(new KeyAlgorithm(KeyType.RSA, rsa.getModulus().bitLength()));
        }
        if (key instanceof ECPublicKey ec) {
            return Optional.of(new KeyAlgorithm(KeyType.ECC, ec.getParams().getCurve().getField().getFieldSize()));
        }
        return Optional.empty();
    }

    public boolean tooSmall() {
        return bits < type.minimumBits();
    }

    @Override
    public String toString() {
        return type + " " + bits;
    }
}
