package io.certrotator.edgeone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One UploadCertificate request of the SSL certificate service (2019-12-05): a server certificate ({@code SVR}) with
 * its chain, leaf first, and its private key, never stored twice ({@code Repeatable} false: the same certificate
 * again answers the ID it already has, which also makes a retry after a lost answer harmless).
 * The private key goes into {@link #parameters()}, the request's body, and nowhere else: {@link #toString()}
 * leaves it out.
 *
 * @param alias the name the console shows, or null for none
 */
public record UploadCertificate(String chainPem, String privateKeyPem, String alias) {

    public static final String ACTION = "UploadCertificate";
    /** The documented limit of the action, per second. */
    public static final int RATE_LIMIT = 10;

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("CertificatePublicKey", chainPem);
        parameters.put("CertificatePrivateKey", privateKeyPem);
        parameters.put("CertificateType", "SVR");
        parameters.put("Repeatable", false);
        if (alias != null && !alias.isBlank()) {
            parameters.put("Alias", alias);
        }
        return parameters;
    }

    @Override
    public String toString() {
        return "UploadCertificate[alias=" + alias + ", privateKeyPem=(redacted)]";
    }
}
