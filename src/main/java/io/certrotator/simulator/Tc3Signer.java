package io.certrotator.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TC3-HMAC-SHA256, as Tencent Cloud defines it for POST requests to path {@code /} without a query. */
public final class Tc3Signer {
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signer() {
    }

    /** The UTC date of a request timestamp, as the credential scope names it. */
    public static String date(long timestampSeconds) {
        return DATE.format(Instant.ofEpochSecond(timestampSeconds));
    }

    /**
     * @param canonicalHeaders {@code name:value\n} for each signed header, names and values lower-case
     * @param payloadHash hex SHA-256 of the body (or of {@code UNSIGNED-PAYLOAD})
     */
    public static String signature(String secretKey, String service, long timestampSeconds,
                                   String canonicalHeaders, String signedHeaders, String payloadHash) {
        String date = date(timestampSeconds);
        String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestampSeconds + "\n" + scope + "\n" + sha256Hex(utf8(canonicalRequest));
        byte[] secretDate = hmac(utf8("TC3" + secretKey), date);
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return HexFormat.of().formatHex(hmac(secretSigning, stringToSign));
    }

    /** The Authorization header for a request signing {@code content-type;host}, like the SDK sends. */
    public static String authorization(String secretId, String secretKey, String service, long timestampSeconds,
                                       String contentType, String host, byte[] body) {
        String canonicalHeaders = "content-type:" + contentType.toLowerCase() + "\nhost:" + host.toLowerCase() + "\n";
        String signature = signature(secretKey, service, timestampSeconds, canonicalHeaders, "content-type;host",
                sha256Hex(body));
        return ALGORITHM + " Credential=" + secretId + "/" + date(timestampSeconds) + "/" + service + "/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=" + signature;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
