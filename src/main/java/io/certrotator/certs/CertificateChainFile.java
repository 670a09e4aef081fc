package io.certrotator.certs;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * Reads a certificate file (one or more CERTIFICATE blocks) and puts the chain leaf first.
 *
 * <p>A certificate's issuer in the file is the other certificate whose subject is its issuer name and whose
 * public key verifies its signature. The chain links when following issuers from the one certificate that
 * issued none of the others visits every certificate; the root may be left out.
 */
final class CertificateChainFile {

    private CertificateChainFile() {
    }

    static CertificateChain read(Path file) {
        List<X509Certificate> given = certificates(file);
        List<X509Certificate> ordered = leafFirst(file, given);
        return new CertificateChain(ordered, !ordered.equals(given));
    }

    private static List<X509Certificate> certificates(Path file) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object block : PemFile.read(file)) {
            if (!(block instanceof X509CertificateHolder holder)) {
                throw new CertificateFileException(file,
                        "contains " + PemFile.describe(block) + "; expected only CERTIFICATE blocks");
            }
            X509Certificate certificate = certificate(file, converter, holder, certificates.size() + 1);
            if (certificates.contains(certificate)) {
                throw new CertificateFileException(file, "certificate " + (certificates.size() + 1)
                        + " repeats certificate " + (certificates.indexOf(certificate) + 1));
            }
            certificates.add(certificate);
        }
        return certificates;
    }

    private static X509Certificate certificate(Path file, JcaX509CertificateConverter converter,
            X509CertificateHolder holder, int number) {
        try {
            return converter.getCertificate(holder);
        } catch (CertificateException e) {
            throw new CertificateFileException(file, "certificate " + number + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> leafFirst(Path file, List<X509Certificate> given) {
        List<X509Certificate> leaves = given.stream()
                .filter(candidate -> given.stream().noneMatch(other -> issuedBy(other, candidate)))
                .toList();
        // when nothing links, start from the file's first certificate so that the message speaks of it
        X509Certificate leaf = leaves.contains(given.get(0)) || leaves.isEmpty() ? given.get(0) : leaves.get(0);
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        for (Optional<X509Certificate> next = issuerIn(given, leaf); next.isPresent() && !chain.contains(next.get());
                next = issuerIn(given, next.get())) {
            chain.add(next.get());
        }
        if (chain.size() < given.size()) {
            throw new CertificateFileException(file, "the chain does not link: " + breakIn(given, chain));
        }
        return chain;
    }

    /** Why the last certificate of the partial chain has no issuer among the certificates left out. */
    private static String breakIn(List<X509Certificate> given, List<X509Certificate> chain) {
        X509Certificate last = chain.get(chain.size() - 1);
        String lastOne = "certificate " + number(given, last) + " (" + last.getSubjectX500Principal().getName() + ")";
        Optional<X509Certificate> namedIssuer = given.stream()
                .filter(other -> !chain.contains(other))
                .filter(other -> other.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
                .findFirst();
        if (namedIssuer.isPresent()) {
            return "certificate " + number(given, namedIssuer.get()) + " has the name of the issuer of " + lastOne
                    + " but its key did not sign it";
        }
        X509Certificate stray = given.stream().filter(other -> !chain.contains(other)).findFirst().orElseThrow();
        return "certificate " + number(given, stray) + " (" + stray.getSubjectX500Principal().getName()
                + ") did not issue " + lastOne + ", whose issuer is " + last.getIssuerX500Principal().getName();
    }

    private static int number(List<X509Certificate> given, X509Certificate certificate) {
        return given.indexOf(certificate) + 1;
    }

    private static Optional<X509Certificate> issuerIn(List<X509Certificate> given, X509Certificate certificate) {
        return given.stream().filter(candidate -> issuedBy(certificate, candidate)).findFirst();
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (certificate == issuer || !certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
