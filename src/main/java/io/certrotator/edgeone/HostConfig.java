package io.certrotator.edgeone;

import io.certrotator.certs.KeyType;
import io.certrotator.input.CertMode;
import io.certrotator.input.Target;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A host's certificate configuration as DescribeAccelerationDomains shows it: the mode and each certificate with
 * its deployment status, and the host's own state. The one place that compares what a host carries with what a row
 * asks for.
 */
public record HostConfig(String mode, List<Cert> certs, HostState state) {

    public static final String DEPLOYED = "deployed";
    /** The certificate statuses that will not turn into {@code deployed} by waiting. */
    private static final Set<String> BROKEN_STATUSES = Set.of("failed", "issued");

    public HostConfig {
        certs = List.copyOf(certs);
    }

    /** A host whose state was not shown. */
    public HostConfig(String mode, List<Cert> certs) {
        this(mode, certs, HostState.UNKNOWN);
    }

    /** A certificate the host carries; {@code signAlgo} as the API names it ({@code RSA 2048}, {@code ECC 256}), or empty. */
    public record Cert(String certId, String status, String signAlgo) {

        public Cert {
            signAlgo = signAlgo == null ? "" : signAlgo;
        }

        public Cert(String certId, String status) {
            this(certId, status, "");
        }

        public Optional<KeyType> keyType() {
            return KeyTypeNames.of(signAlgo);
        }
    }

    /**
     * The certificates an {@code sslcert} target would take off this host with a key type no certificate it keeps
     * has, when the target names fewer new certificates than such key types: the target cannot replace them all.
     * (The key type of a certificate new to the host is not known here, so each new one may replace one lost type.)
     * Empty when nothing would be dropped, or when the host or the target is not {@code sslcert}.
     */
    public Optional<Dropped> wouldDrop(String targetMode, List<String> targetCertIds) {
        if (!mode.equals("sslcert") || !targetMode.equals("sslcert")) {
            return Optional.empty();
        }
        Set<String> target = Set.copyOf(targetCertIds);
        Set<KeyType> kept = certs.stream().filter(cert -> target.contains(cert.certId()))
                .flatMap(cert -> cert.keyType().stream()).collect(Collectors.toSet());
        List<Cert> lost = certs.stream().filter(cert -> !target.contains(cert.certId()))
                .filter(cert -> cert.keyType().isPresent() && !kept.contains(cert.keyType().get())).toList();
        long lostTypes = lost.stream().map(cert -> cert.keyType().get()).distinct().count();
        long newCerts = target.stream().filter(id -> !certIds().contains(id)).count();
        return newCerts < lostTypes ? Optional.of(new Dropped(lost, newCerts)) : Optional.empty();
    }

    /** What {@link #wouldDrop} found: the host's certificates of the key types the target keeps none of. */
    public record Dropped(List<Cert> certs, long newCerts) {

        public Dropped {
            certs = List.copyOf(certs);
        }

        /**
         * {@code would drop ECC certificate cert-ecc (keep it in cert_ids, or --allow-dropping-certificates)}; with new
         * certificates, whose key types are not known, it names every certificate one of which goes.
         */
        public String message() {
            String joiner = newCerts == 0 ? ", " : " or ";
            String named = certs.stream().map(cert -> cert.keyType().orElseThrow() + " certificate " + cert.certId())
                    .collect(Collectors.joining(joiner));
            long types = certs.stream().map(cert -> cert.keyType().orElseThrow()).distinct().count();
            String why = newCerts == 0 ? "" : ": " + newCerts + " new certificate(s) cannot replace " + types
                    + " key types";
            return "would drop " + named + why + " (keep " + (certs.size() == 1 ? "it" : "them")
                    + " in cert_ids, or --allow-dropping-certificates)";
        }
    }

    /** The certificate IDs as the report's {@code cert_ids} column writes them: {@code cert-a;cert-b}. */
    public String certIdsText() {
        return certs.stream().map(Cert::certId).collect(Collectors.joining(";"));
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

    /**
     * What the host carries, as a target: hosts with the same key carry the same configuration, which is what one call
     * may change together. Empty for a mode this version does not know.
     */
    public Optional<Target> key() {
        return CertMode.fromApiValue(mode).map(known -> Target.of(known, certIds()));
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
