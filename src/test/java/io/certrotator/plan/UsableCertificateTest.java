package io.certrotator.plan;

import io.certrotator.estate.CertificateRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.certrotator.plan.Estate.NOW;
import static io.certrotator.plan.Estate.days;
import static org.assertj.core.api.Assertions.assertThat;

/** Which of the account's certificates may take another's place: the one rule for a chosen and a named one. */
class UsableCertificateTest {

    private static final ValidityWindow NOT_EXPIRED = new ValidityWindow(NOW, Duration.ZERO);
    private static final ValidityWindow THIRTY_DAYS = new ValidityWindow(NOW, Duration.ofDays(30));

    private static CertificateRecord cert(Optional<Instant> notBefore, Optional<Instant> notAfter, int status,
                                          String type) {
        return new CertificateRecord("cert-x", "", "www.a.com", List.of("www.a.com"), notBefore, notAfter, status,
                "RSA 2048", type);
    }

    private static CertificateRecord issued(Instant notBefore, Instant notAfter) {
        return cert(Optional.of(notBefore), Optional.of(notAfter), UsableCertificate.ISSUED, "SVR");
    }

    @Test
    void anIssuedServerCertificateValidNowAndPastTheWindowIsUsable() {
        assertThat(UsableCertificate.whyNot(issued(days(-10), days(31)), THIRTY_DAYS)).isEmpty();
    }

    @Test
    void anExpiredCertificateIsNot() {
        assertThat(UsableCertificate.whyNot(issued(days(-100), days(-1)), NOT_EXPIRED)).contains("has expired");
    }

    @Test
    void oneExpiringWithinTheWindowIsNot() {
        assertThat(UsableCertificate.whyNot(issued(days(-100), days(29)), THIRTY_DAYS))
                .contains("expires within 30 days");
    }

    @Test
    void oneNotValidYetIsNot() {
        assertThat(UsableCertificate.whyNot(issued(days(1), days(400)), NOT_EXPIRED))
                .contains("is not valid before " + days(1));
    }

    @Test
    void oneWhoseExpiryIsUnknownIsNot() {
        assertThat(UsableCertificate.whyNot(cert(Optional.empty(), Optional.empty(), UsableCertificate.ISSUED, "SVR"),
                NOT_EXPIRED)).contains("has no known expiry");
    }

    @Test
    void oneNotIssuedIsNotNamingItsStatus() {
        assertThat(UsableCertificate.whyNot(cert(Optional.of(days(-1)), Optional.of(days(300)), 0, "SVR"),
                NOT_EXPIRED)).contains("is not issued (SSL status 0, under review)");
        assertThat(UsableCertificate.whyNot(cert(Optional.of(days(-1)), Optional.of(days(300)), 10, "SVR"),
                NOT_EXPIRED)).contains("is not issued (SSL status 10, revoked)");
    }

    @Test
    void aCaCertificateIsNot() {
        assertThat(UsableCertificate.whyNot(cert(Optional.of(days(-1)), Optional.of(days(300)), 1, "CA"),
                NOT_EXPIRED)).contains("is not a server certificate (type CA)");
    }
}
