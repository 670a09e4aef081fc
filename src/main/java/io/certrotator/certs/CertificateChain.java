package io.certrotator.certs;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates of a chain file, leaf first, each followed by its issuer.
 *
 * @param reordered the file did not have them in this order
 */
record CertificateChain(List<X509Certificate> certificates, boolean reordered) {

    CertificateChain {
        certificates = List.copyOf(certificates);
    }

    X509Certificate leaf() {
        return certificates.get(0);
    }
}
