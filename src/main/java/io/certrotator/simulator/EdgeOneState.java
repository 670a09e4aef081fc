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
    private final Map<String, Certificate> certificates = new TreeMap<>();
    /** Certificates stored by UploadCertificate, by the SHA-256 of their leaf: how a repeated upload is found. */
    private final Map<String, String> uploadedByFingerprint = new HashMap<>();

    private static final class Zone {
        private ZoneStatus status = ZoneStatus.ACTIVE;
        private ZoneProfile profile;
        private final TreeMap<String, HostCertificate> hosts = new TreeMap<>();
        /** Only the hosts whose domain status was set; the others show the zone's default. */
        private final Map<String, String> domainStatuses = new HashMap<>();

        Zone(String zoneId) {
            profile = ZoneProfile.defaultFor(zoneId);
        }
    }

    /** A zone as DescribeZones lists it. */
    public record ZoneView(String zoneId, ZoneStatus status, ZoneProfile profile) {
        public boolean paused() {
            return status == ZoneStatus.PAUSED;
        }
    }

    public synchronized void addZone(String zoneId) {
        zone(zoneId);
    }

    public synchronized void setZoneStatus(String zoneId, ZoneStatus status) {
        zone(zoneId).status = status;
    }

    public synchronized void setZoneProfile(String zoneId, ZoneProfile profile) {
        zone(zoneId).profile = profile;
    }

    /** Every zone in ID order (the order DescribeZones lists them in). */
    public synchronized List<ZoneView> zones() {
        return zones.entrySet().stream()
                .map(e -> new ZoneView(e.getKey(), e.getValue().status, e.getValue().profile)).toList();
    }

    public synchronized Optional<ZoneView> zoneView(String zoneId) {
        return Optional.ofNullable(zones.get(zoneId)).map(z -> new ZoneView(zoneId, z.status, z.profile));
    }

    /**
     * {@code online}, {@code process} (a change being deployed), {@code offline} (disabled: takes a certificate
     * change but keeps its configuration), {@code init} (waits for its zone to be activated) or {@code forbidden}
     * (banned).
     */
    public synchronized void setDomainStatus(String zoneId, String host, String domainStatus) {
        zone(zoneId).domainStatuses.put(host, domainStatus);
    }

    /** As set, else {@code offline} in a paused zone, {@code init} in a zone not active, else {@code online}. */
    public synchronized String domainStatus(String zoneId, String host) {
        Zone zone = zones.get(zoneId);
        if (zone == null) {
            return "online";
        }
        String fallback = zone.status == ZoneStatus.PAUSED ? "offline" : zone.profile.active() ? "online" : "init";
        return zone.domainStatuses.getOrDefault(host, fallback);
    }

    private Zone zone(String zoneId) {
        return zones.computeIfAbsent(zoneId, Zone::new);
    }

    /** Adds the host (and its zone if new) or replaces its certificate configuration. */
    public synchronized void putHost(String zoneId, String host, HostCertificate certificate) {
        zone(zoneId).hosts.put(host, certificate);
    }

    public synchronized void putCertificate(Certificate certificate) {
        certificates.put(certificate.certId(), certificate);
    }

    /** A certificate UploadCertificate stored, known by the SHA-256 of its leaf from now on. */
    public synchronized void putUploadedCertificate(Certificate certificate, String fingerprint) {
        putCertificate(certificate);
        uploadedByFingerprint.putIfAbsent(fingerprint, certificate.certId());
    }

    /** The ID of a certificate uploaded before with this leaf, while the account still holds it. */
    public synchronized Optional<String> uploadedCertificateId(String fingerprint) {
        return Optional.ofNullable(uploadedByFingerprint.get(fingerprint)).filter(certificates::containsKey);
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

    /** Every certificate in ID order (the order DescribeCertificates lists them in). */
    public synchronized List<Certificate> certificates() {
        return List.copyOf(certificates.values());
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
        uploadedByFingerprint.clear();
    }
}
