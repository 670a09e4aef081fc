package io.certrotator.simulator;

import java.util.List;

/** The certificate configuration of one host: mode ({@code sslcert}, ...), certificate IDs and deploy status. */
public record HostCertificate(String mode, List<String> certIds, String status) {
    public static final String DEPLOYED = "deployed";

    public HostCertificate {
        certIds = List.copyOf(certIds);
    }

    public static HostCertificate deployed(String mode, List<String> certIds) {
        return new HostCertificate(mode, certIds, DEPLOYED);
    }

    /** Same mode and same certificates, in any order: what HostsCertificateInconsistency compares. */
    boolean sameConfigurationAs(HostCertificate other) {
        return mode.equals(other.mode) && certIds.size() == other.certIds.size() && certIds.containsAll(other.certIds);
    }
}
