package io.certrotator.plan;

import io.certrotator.estate.CertificateRecord;

import java.util.Map;
import java.util.Optional;

/**
 * The one rule for a certificate of the account that may take another's place on a host, whether the plan chooses it
 * or {@code --replace=OLD=NEW} names it: a server certificate (type {@code SVR}), issued (SSL status 1), valid now and
 * known to stay valid past the window (for {@code --replace}, not expired). Anything else would be refused by EdgeOne
 * or, worse, served.
 */
final class UsableCertificate {

    static final int ISSUED = 1;
    static final String SERVER_CERTIFICATE = "SVR";

    /** The SSL service's statuses other than issued, as DescribeCertificates documents them. */
    private static final Map<Integer, String> STATUSES = Map.ofEntries(Map.entry(0, "under review"),
            Map.entry(2, "review failed"), Map.entry(3, "expired"), Map.entry(4, "DNS record added, not validated"),
            Map.entry(5, "to be submitted"), Map.entry(6, "order being cancelled"), Map.entry(7, "cancelled"),
            Map.entry(8, "waiting for the confirmation letter"), Map.entry(9, "being revoked"),
            Map.entry(10, "revoked"), Map.entry(11, "being reissued"),
            Map.entry(12, "waiting for the revocation letter"), Map.entry(13, "to be submitted"),
            Map.entry(14, "refunded"));

    private UsableCertificate() {
    }

    static boolean issuedServerCertificate(CertificateRecord cert) {
        return cert.status() == ISSUED && SERVER_CERTIFICATE.equals(cert.certificateType());
    }

    /**
     * Why {@code cert} may not take another's place, completing "cert-x ...": {@code has expired},
     * {@code expires within 30 days}, {@code is not valid before 2027-01-01T00:00:00Z}, {@code has no known expiry},
     * {@code is not issued (SSL status 0, under review)}, {@code is not a server certificate (type CA)}; empty when it
     * may.
     */
    static Optional<String> whyNot(CertificateRecord cert, ValidityWindow window) {
        if (!SERVER_CERTIFICATE.equals(cert.certificateType())) {
            return Optional.of("is not a server certificate (type " + cert.certificateType() + ")");
        }
        if (cert.notAfter().isEmpty()) {
            return Optional.of("has no known expiry");
        }
        if (window.expiring(cert.notAfter())) {
            return Optional.of(window.describeExpiring());
        }
        if (cert.notBefore().filter(window.now()::isBefore).isPresent()) {
            return Optional.of("is not valid before " + cert.notBefore().get());
        }
        if (cert.status() != ISSUED) {
            return Optional.of("is not issued (SSL status " + cert.status()
                    + Optional.ofNullable(STATUSES.get(cert.status())).map(name -> ", " + name).orElse("") + ")");
        }
        return Optional.empty();
    }
}
