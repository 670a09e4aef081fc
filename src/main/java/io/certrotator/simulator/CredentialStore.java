package io.certrotator.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The secret IDs the simulated account accepts, and when the session tokens of temporary ones expire; changeable
 * while requests are served.
 */
final class CredentialStore {
    record Secret(String key, String token) {
    }

    /** A session token is accepted for {@code callsLeft} more calls signed with it, and before {@code at}. */
    private record Expiry(AtomicLong callsLeft, Instant at) {
    }

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final Map<String, Expiry> expiries = new ConcurrentHashMap<>();

    void put(String secretId, String secretKey, String token) {
        secrets.put(secretId, new Secret(secretKey, token));
    }

    void revoke(String secretId) {
        secrets.remove(secretId);
    }

    Optional<Secret> find(String secretId) {
        return Optional.ofNullable(secrets.get(secretId));
    }

    /** Back to these secrets only, no session token expiring. */
    void replaceAll(Map<String, Secret> replacement) {
        secrets.clear();
        secrets.putAll(replacement);
        expiries.clear();
    }

    /** The token is accepted for {@code calls} more calls signed with it, and until {@code at}, then refused. */
    void expire(String token, long calls, Instant at) {
        expiries.put(token, new Expiry(new AtomicLong(calls), at));
    }

    /** Counts a call signed with the token, at {@code now}: whether the token has expired by then. */
    boolean expiredBy(String token, Instant now) {
        Expiry expiry = expiries.get(token);
        return expiry != null && (!now.isBefore(expiry.at()) || expiry.callsLeft().getAndDecrement() <= 0);
    }
}
