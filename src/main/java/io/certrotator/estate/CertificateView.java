package io.certrotator.estate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One certificate of the inventory, with the best of what is known: the algorithm and expiry EdgeOne shows on a host,
 * else the SSL service's.
 */
record CertificateView(String certId, String algorithm, Optional<Instant> expiresAt) {

    static CertificateView of(DeployedCertificate deployed, Optional<CertificateRecord> listed) {
        String algorithm = !deployed.signAlgo().isEmpty() ? deployed.signAlgo()
                : listed.map(CertificateRecord::encryptAlgorithm).orElse("");
        Optional<Instant> expiry = deployed.expiresAt().or(() -> listed.flatMap(CertificateRecord::notAfter));
        return new CertificateView(deployed.certId(), algorithm, expiry);
    }

    static CertificateView of(CertificateRecord listed) {
        return new CertificateView(listed.certificateId(), listed.encryptAlgorithm(), listed.notAfter());
    }

    /**
     * Whole days until expiry, negative once expired, rounded toward zero either way: expiring in 30 hours is 1,
     * expired 30 hours ago -1 (rounded down, it would be -2 while its date shows one day ago).
     */
    Optional<Long> daysLeft(Instant now) {
        return expiresAt.map(at -> Duration.between(now, at).toDays());
    }

    /**
     * Days left for a person: {@code 45 days}, {@code 0 days} within a day of expiring; once expired {@code expired 3
     * days ago}, and {@code expired less than a day ago} rather than a 0 that reads as expiring later today.
     */
    Optional<String> daysLeftInWords(Instant now) {
        return daysLeft(now).map(days -> !expiredAt(now) ? days + " days"
                : days == 0 ? "expired less than a day ago"
                : "expired " + -days + (days == -1 ? " day" : " days") + " ago");
    }

    boolean expiredAt(Instant now) {
        return expiresAt.map(at -> !now.isBefore(at)).orElse(false);
    }

    /** Not expired yet, and expiring before {@code now + within}. An unknown expiry is never expiring. */
    boolean expiringWithin(Instant now, Duration within) {
        return expiresAt.map(at -> now.isBefore(at) && at.isBefore(now.plus(within))).orElse(false);
    }
}
