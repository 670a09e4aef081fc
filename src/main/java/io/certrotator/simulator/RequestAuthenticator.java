package io.certrotator.simulator;

import com.sun.net.httpserver.Headers;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a request's TC3-HMAC-SHA256 signature, recomputed from the headers and body as received.
 * A malformed or missing Authorization, a scope for another service than the one addressed, or a scope date that is not
 * the timestamp's date all answer {@code AuthFailure.SignatureFailure}, like a wrong key does. A timestamp more than
 * 5 minutes off the simulator's clock is {@code AuthFailure.SignatureExpire}; a session token that is not the
 * credential's, or has expired, is {@code AuthFailure.TokenFailure}.
 */
final class RequestAuthenticator {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final CredentialStore credentials;
    private final Clock clock;

    RequestAuthenticator(CredentialStore credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** @param expectedService the service the request is addressed to: its signature must be scoped to it */
    void authenticate(Headers headers, byte[] body, String expectedService) {
        Map<String, String> auth = parseAuthorization(headers.getFirst("Authorization"));
        String[] scope = auth.getOrDefault("Credential", "").split("/");
        if (scope.length != 4 || !"tc3_request".equals(scope[3])) {
            throw signatureFailure("the Credential of the Authorization header is malformed");
        }
        String secretId = scope[0];
        String date = scope[1];
        String service = scope[2];
        if (!expectedService.equals(service)) {
            throw signatureFailure("the credential scope names service " + service + ", not " + expectedService);
        }
        long timestamp = timestamp(headers);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW.toSeconds()) {
            // like the API's message, which ends with its own time
            throw new ApiException(ErrorCodes.SIGNATURE_EXPIRE, "Signature expired: the request's Timestamp "
                    + timestamp + " differs by more than 5 minutes from the server time " + now + ".");
        }
        if (!Tc3Signer.date(timestamp).equals(date)) {
            throw signatureFailure("the credential scope date " + date + " is not the date of the timestamp");
        }
        CredentialStore.Secret secret = credentials.find(secretId).orElseThrow(() -> new ApiException(
                ErrorCodes.SECRET_ID_NOT_FOUND, "the SecretId is not found, please ensure that your SecretId is correct"));
        String signedHeaders = auth.getOrDefault("SignedHeaders", "");
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("content-type") || !signed.contains("host")) {
            throw signatureFailure("SignedHeaders must include content-type and host");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            String value = headers.getFirst(name);
            canonicalHeaders.append(name).append(':')
                    .append(value == null ? "" : value.trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        String payloadHash = "UNSIGNED-PAYLOAD".equals(headers.getFirst("X-TC-Content-SHA256"))
                ? Tc3Signer.sha256Hex("UNSIGNED-PAYLOAD".getBytes())
                : Tc3Signer.sha256Hex(body);
        String expected = Tc3Signer.signature(secret.key(), service, timestamp, canonicalHeaders.toString(),
                signedHeaders, payloadHash);
        if (!expected.equals(auth.get("Signature"))) {
            throw signatureFailure("the provided credentials could not be validated, please check your signature");
        }
        if (secret.token() != null && !secret.token().equals(headers.getFirst("X-TC-Token"))) {
            throw new ApiException(ErrorCodes.TOKEN_FAILURE, "the X-TC-Token is missing or invalid");
        }
        if (secret.token() != null && credentials.expiredBy(secret.token(), clock.instant())) {
            throw new ApiException(ErrorCodes.TOKEN_FAILURE, "the session token has expired");
        }
    }

    private static Map<String, String> parseAuthorization(String header) {
        if (header == null || !header.startsWith(Tc3Signer.ALGORITHM + " ")) {
            throw signatureFailure("the Authorization header is missing or not " + Tc3Signer.ALGORITHM);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(Tc3Signer.ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return parts;
    }

    private static long timestamp(Headers headers) {
        String text = headers.getFirst("X-TC-Timestamp");
        if (text == null) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "the request is missing header X-TC-Timestamp");
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, "X-TC-Timestamp is not a Unix time: " + text);
        }
    }

    private static ApiException signatureFailure(String message) {
        return new ApiException(ErrorCodes.SIGNATURE_FAILURE, message);
    }
}
