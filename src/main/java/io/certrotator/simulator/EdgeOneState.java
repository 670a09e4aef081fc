package io.certrotator.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Zones, their hosts' certificate configurations, and the certificates, as the simulated account holds them.
 * Every method locks the whole state, so that a caller holding the lock can validate and then apply atomically.
 */
public final class EdgeOneState {
    private final Map<String, Zone> zones = new TreeMap<>();
    private final Map<String, Certificate> certificates = new HashMap<>();

    private static final class Zone {
        private ZoneStatus status = ZoneStatus.ACTIVE;
        private final TreeMap<String, HostCertificate> hosts = new TreeMap<>();
    }

    public synchronized void addZone(String zoneId) {
        zones.computeIfAbsent(zoneId, id -> new Zone());
    }

    public synchronized void setZoneStatus(String zoneId, ZoneStatus status) {
        zones.computeIfAbsent(zoneId, id -> new Zone()).status = status;
    }

    /** Adds the host (and its zone if new) or replaces its certificate configuration. */
    public synchronized void putHost(String zoneId, String host, HostCertificate certificate) {
        zones.computeIfAbsent(zoneId, id -> new Zone()).hosts.put(host, certificate);
    }

    public synchronized void putCertificate(Certificate certificate) {
        certificates.put(certificate.certId(), certificate);
    }

    public synchronized Optional<ZoneStatus> zoneStatus(String zoneId) {
        return Optional.ofNullable(zones.get(zoneId)).map(z -> z.status);
    }

    public synchronized Optional<HostCertificate> host(String zoneId, String host) {
        return Optional.ofNullable(zones.get(zoneId)).map(z -> z.hosts.get(host));
    }

    public synchronized Optional<Certificate> certificate(String certId) {
        return Optional.ofNullable(certificates.get(certId));
    }

    /** The zone's hosts in name order (the order DescribeAccelerationDomains lists them in). */
    public synchronized List<String> hosts(String zoneId) {
        Zone zone = zones.get(zoneId);
        return zone == null ? List.of() : List.copyOf(zone.hosts.keySet());
    }

    public synchronized boolean hasHost(String zoneId, String host) {
        return host(zoneId, host).isPresent();
    }

    public synchronized boolean hasCertificate(String certId) {
        return certificates.containsKey(certId);
    }

    public synchronized int zoneCount() {
        return zones.size();
    }

    public synchronized int hostCount() {
        return zones.values().stream().mapToInt(z -> z.hosts.size()).sum();
    }

    public synchronized int certificateCount() {
        return certificates.size();
    }

    public synchronized void clear() {
        zones.clear();
        certificates.clear();
    }
}
