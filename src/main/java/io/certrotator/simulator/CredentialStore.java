package io.certrotator.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The secret IDs the simulated account accepts; changeable while requests are served. */
final class CredentialStore {
    record Secret(String key, String token) {
    }

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    void put(String secretId, String secretKey, String token) {
        secrets.put(secretId, new Secret(secretKey, token));
    }

    void revoke(String secretId) {
        secrets.remove(secretId);
    }

    Optional<Secret> find(String secretId) {
        return Optional.ofNullable(secrets.get(secretId));
    }

    void replaceAll(Map<String, Secret> replacement) {
        secrets.clear();
        secrets.putAll(replacement);
    }
}
