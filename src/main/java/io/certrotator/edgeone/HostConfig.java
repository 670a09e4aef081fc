package io.certrotator.edgeone;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A host's certificate configuration as DescribeAccelerationDomains shows it: the mode and each certificate with
 * its deployment status. The one place that compares what a host carries with what a row asks for.
 */
public record HostConfig(String mode, List<Cert> certs) {

    public static final String DEPLOYED = "deployed";
    /** The certificate statuses that will not turn into {@code deployed} by waiting. */
    private static final Set<String> BROKEN_STATUSES = Set.of("failed", "issued");

    public HostConfig {
        certs = List.copyOf(certs);
    }

    public record Cert(String certId, String status) {
    }

    /** How far the host is from a target. */
    public enum Progress {
        /** Carries the target, every certificate deployed. */
        DONE,
        /** Carries the target, some certificate still on its way. */
        UNDER_WAY,
        /** Carries the target, but a certificate shows a status that waiting will not fix. */
        BROKEN,
        /** Carries something else. */
        DIFFERENT
    }

    /** For {@code sslcert} the certificate IDs count (as a set); other modes name no certificate of their own. */
    public Progress towards(String targetMode, List<String> targetCertIds) {
        if (!mode.equals(targetMode)
                || targetMode.equals("sslcert") && !certIds().equals(Set.copyOf(targetCertIds))) {
            return Progress.DIFFERENT;
        }
        if (certs.stream().anyMatch(cert -> BROKEN_STATUSES.contains(cert.status()))) {
            return Progress.BROKEN;
        }
        return certs.stream().allMatch(cert -> DEPLOYED.equals(cert.status())) ? Progress.DONE : Progress.UNDER_WAY;
    }

    /** Hosts with the same key carry the same configuration, which is what one call may change together. */
    public String key() {
        return mode + "|" + certs.stream().map(Cert::certId).sorted().collect(Collectors.joining(";"));
    }

    /** For messages: {@code sslcert cert-a (deployed), cert-b (processing)}. */
    public String describe() {
        return mode + certs.stream().map(cert -> cert.certId() + " (" + cert.status() + ")")
                .collect(Collectors.joining(", ", certs.isEmpty() ? "" : " ", ""));
    }

    /** A target as {@link #describe()} shows a configuration: {@code sslcert cert-new}. */
    public static String describeTarget(String mode, List<String> certIds) {
        return certIds.isEmpty() ? mode : mode + " " + String.join(", ", certIds);
    }

    private Set<String> certIds() {
        return certs.stream().map(Cert::certId).collect(Collectors.toSet());
    }
}
