package io.certrotator.edgeone;

import io.certrotator.certs.KeyType;

import java.util.Locale;
import java.util.Optional;

/**
 * The one place that reads a key family from the names the APIs give it: EdgeOne's {@code SignAlgo} ({@code RSA 2048},
 * {@code ECC 256}, {@code ECDSA P-256}, ...) and the SSL service's {@code EncryptAlgorithm} ({@code RSA}, {@code ECC},
 * {@code RSA 2048}, ...). Anything else (SM2, an empty or unknown name) is no family the plan can match: empty.
 */
public final class KeyTypeNames {

    private KeyTypeNames() {
    }

    public static Optional<KeyType> of(String apiName) {
        String name = apiName.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("RSA")) {
            return Optional.of(KeyType.RSA);
        }
        if (name.startsWith("EC")) {
            return Optional.of(KeyType.ECC);
        }
        return Optional.empty();
    }
}
