package io.certrotator.estate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the credentials can see of the estate at one moment.
 *
 * @param zones               the zones read, in the order DescribeZones lists them
 * @param hosts               the hosts of every readable zone, zone by zone, in the API's order
 * @param unreadableZones     zones whose hosts could not be read (a Pages zone, no permission), with why
 * @param unknownZones        zone IDs or names the selection asked for that DescribeZones does not know
 * @param certificates        the account's certificates by ID (empty when {@code certificatesMissing})
 * @param certificatesMissing why the SSL service's certificates could not be read, if they could not
 */
public record EstateSnapshot(List<ZoneRecord> zones, List<HostRecord> hosts, Map<String, ReadFailure> unreadableZones,
                             List<String> unknownZones, Map<String, CertificateRecord> certificates,
                             Optional<ReadFailure> certificatesMissing) {

    public EstateSnapshot {
        zones = List.copyOf(zones);
        hosts = List.copyOf(hosts);
        unreadableZones = Map.copyOf(unreadableZones);
        unknownZones = List.copyOf(unknownZones);
        certificates = Map.copyOf(certificates);
    }

    public Optional<CertificateRecord> certificate(String certId) {
        return Optional.ofNullable(certificates.get(certId));
    }
}
