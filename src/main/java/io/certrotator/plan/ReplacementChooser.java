package io.certrotator.plan;

import io.certrotator.edgeone.KeyTypeNames;
import io.certrotator.certs.HostNameMatch;
import io.certrotator.certs.KeyType;
import io.certrotator.estate.CertificateRecord;
import io.certrotator.estate.EstateSnapshot;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chooses the certificate that takes the place of one a host serves. A candidate is one of the account's certificates
 * that {@link UsableCertificate} allows (issued server certificates valid now and past the window) whose names cover
 * the host, of the replaced certificate's key family; the one that expires last wins, then the one issued last, then
 * the lowest ID.
 * A named replacement ({@code --replace=OLD=NEW}) must cover the host and be of the replaced certificate's key family,
 * so that no row drops a family the host serves or is refused by EdgeOne ({@code CertNotMatchDomain}).
 */
final class ReplacementChooser {

    private static final Comparator<CertificateRecord> BEST_FIRST = Comparator
            .comparing((CertificateRecord cert) -> cert.notAfter().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(cert -> cert.notBefore().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(CertificateRecord::certificateId);

    private final EstateSnapshot snapshot;
    private final ValidityWindow window;

    ReplacementChooser(EstateSnapshot snapshot, ValidityWindow window) {
        this.snapshot = snapshot;
        this.window = window;
    }

    /** The best candidate for {@code host} in place of {@code replaced}, or why there is none. */
    Choice choose(String host, ServedCertificate replaced) {
        Optional<Choice> unlisted = certificatesUnread();
        if (unlisted.isPresent()) {
            return unlisted.get();
        }
        if (replaced.keyType().isEmpty()) {
            return new Choice.NoCandidate("the key algorithm of " + replaced.certId() + " is unknown");
        }
        KeyType keyType = replaced.keyType().get();
        List<CertificateRecord> covering = issuedServerCertificates()
                .filter(cert -> !cert.certificateId().equals(replaced.certId()))
                .filter(cert -> covers(cert, host))
                .toList();
        if (covering.isEmpty()) {
            return new Choice.NoCandidate("no certificate covers it");
        }
        List<CertificateRecord> sameFamily = covering.stream()
                .filter(cert -> KeyTypeNames.of(cert.encryptAlgorithm()).equals(Optional.of(keyType)))
                .toList();
        if (sameFamily.isEmpty()) {
            return new Choice.NoCandidate("no " + keyType + " certificate covers it");
        }
        return sameFamily.stream()
                .filter(cert -> UsableCertificate.whyNot(cert, window).isEmpty())
                .min(BEST_FIRST)
                .<Choice>map(cert -> new Choice.Chosen(cert.certificateId(), cert.notAfter()))
                .orElseGet(() -> new Choice.NoCandidate(noneUsable(keyType, sameFamily)));
    }

    /** Why none of {@code sameFamily} will do: they all expire too soon, or what keeps each out. */
    private String noneUsable(KeyType keyType, List<CertificateRecord> sameFamily) {
        if (sameFamily.stream().allMatch(cert -> window.expiring(cert.notAfter()))) {
            return "every " + keyType + " certificate that covers it " + window.describeExpiring();
        }
        return "no " + keyType + " certificate that covers it can be used: " + sameFamily.stream()
                .map(cert -> cert.certificateId() + " " + UsableCertificate.whyNot(cert, window).orElseThrow())
                .collect(Collectors.joining(", "));
    }

    /**
     * {@code newCertId}, one of the account's certificates (which {@link EstatePlanner} found usable), in place of
     * {@code replaced}, if its names cover {@code host} and it is of the same key family.
     */
    Choice take(String host, String newCertId, ServedCertificate replaced) {
        Optional<Choice> unlisted = certificatesUnread();
        if (unlisted.isPresent()) {
            return unlisted.get();
        }
        CertificateRecord named = snapshot.certificate(newCertId).orElseThrow(); // EstatePlanner refused an unknown one
        if (!covers(named, host)) {
            return new Choice.NoCandidate(newCertId + " does not cover it");
        }
        Optional<KeyType> newType = KeyTypeNames.of(named.encryptAlgorithm());
        if (replaced.keyType().isEmpty() || newType.isEmpty()) {
            return new Choice.NoCandidate("the key algorithm of " + (newType.isEmpty() ? newCertId : replaced.certId())
                    + " is unknown");
        }
        if (!newType.equals(replaced.keyType())) {
            return new Choice.NoCandidate(newCertId + " is " + newType.get() + ", " + replaced.certId() + " "
                    + replaced.keyType().get() + ": the host would lose its " + replaced.keyType().get()
                    + " certificate");
        }
        return new Choice.Chosen(newCertId, named.notAfter());
    }

    private Optional<Choice> certificatesUnread() {
        return snapshot.certificatesMissing().map(failure ->
                new Choice.NoCandidate("the account's certificates could not be read: " + failure.code()));
    }

    private Stream<CertificateRecord> issuedServerCertificates() {
        return snapshot.certificates().values().stream()
                .filter(UsableCertificate::issuedServerCertificate);
    }

    private static boolean covers(CertificateRecord cert, String host) {
        return Stream.concat(Stream.of(cert.domain()), cert.subjectAltNames().stream())
                .anyMatch(name -> !name.isEmpty() && HostNameMatch.covers(name, host));
    }
}
