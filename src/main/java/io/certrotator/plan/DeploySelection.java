package io.certrotator.plan;

import io.certrotator.certs.HostNameMatch;
import io.certrotator.certs.KeyType;

import java.time.Instant;
import java.util.List;

/**
 * What {@code deploy} puts where: a new certificate (its ID, its names, its key family, its end) takes the place of
 * each certificate of its key family that expires before it, on every host its names cover. A served certificate whose
 * family or end is unknown is left alone: it cannot be shown older.
 *
 * @param certId the new certificate's ID, or a stand-in for one not uploaded (a dry run)
 */
public record DeploySelection(String certId, List<String> names, KeyType keyType, Instant notAfter) {

    public DeploySelection {
        names = List.copyOf(names);
    }

    boolean covers(String host) {
        return names.stream().anyMatch(name -> HostNameMatch.covers(name, host));
    }

    /** Whether the new certificate takes the place of {@code served}: same key family, and it ends earlier. */
    boolean replaces(ServedCertificate served) {
        return !served.certId().equals(certId) && served.keyType().filter(keyType::equals).isPresent()
                && served.notAfter().filter(end -> end.isBefore(notAfter)).isPresent();
    }
}
