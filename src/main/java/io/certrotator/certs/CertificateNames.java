package io.certrotator.certs;

import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The DNS names a certificate is for: its subjectAltName dNSName entries, or its subject CN without them. */
final class CertificateNames {

    /** The GeneralName tag of a dNSName, as {@link X509Certificate#getSubjectAlternativeNames()} reports it. */
    private static final int DNS_NAME = 2;

    private CertificateNames() {
    }

    static List<String> of(Path file, X509Certificate certificate) {
        Collection<List<?>> alternativeNames;
        try {
            alternativeNames = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateFileException(file, "the leaf's subjectAltName cannot be read: " + e.getMessage(), e);
        }
        List<String> dnsNames = alternativeNames == null ? List.of() : alternativeNames.stream()
                .filter(name -> Objects.equals(name.get(0), DNS_NAME))
                .map(name -> (String) name.get(1))
                .toList();
        if (!dnsNames.isEmpty()) {
            return dnsNames;
        }
        return List.of(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN))
                .stream()
                .map(cn -> IETFUtils.valueToString(cn.getFirst().getValue()))
                .toList();
    }
}
