package io.certrotator.plan;

import io.certrotator.estate.CertificateRecord;
import io.certrotator.estate.DeployedCertificate;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.estate.HostRecord;
import io.certrotator.estate.ReadFailure;
import io.certrotator.estate.ZoneRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds estate snapshots for the plan tests, in code: zones, hosts and the account's certificates. */
final class Estate {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final List<ZoneRecord> zones = new ArrayList<>();
    private final List<HostRecord> hosts = new ArrayList<>();
    private final Map<String, ReadFailure> unreadable = new LinkedHashMap<>();
    private final Map<String, CertificateRecord> certificates = new LinkedHashMap<>();
    private Optional<ReadFailure> certificatesMissing = Optional.empty();

    static Instant days(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    Estate zone(String zoneId) {
        zones.add(new ZoneRecord(zoneId, zoneId + ".example", "full", "active", "active", false));
        return this;
    }

    Estate pausedZone(String zoneId) {
        zones.add(new ZoneRecord(zoneId, zoneId + ".example", "full", "active", "inactive", true));
        return this;
    }

    Estate unreadableZone(String zoneId, String code) {
        zones.add(new ZoneRecord(zoneId, zoneId + ".example", "pages", "active", "active", false));
        unreadable.put(zoneId, new ReadFailure(code, "no permission"));
        return this;
    }

    /** An issued server certificate of the account; {@code algorithm} as the SSL service names it. */
    Estate cert(String certId, String algorithm, Instant notAfter, String... names) {
        return cert(certId, algorithm, days(-100), notAfter, names);
    }

    Estate cert(String certId, String algorithm, Instant notBefore, Instant notAfter, String... names) {
        certificates.put(certId, new CertificateRecord(certId, "", names[0], List.of(names), Optional.of(notBefore),
                Optional.of(notAfter), 1, algorithm, "SVR"));
        return this;
    }

    Estate certificate(CertificateRecord record) {
        certificates.put(record.certificateId(), record);
        return this;
    }

    Estate certificatesUnreadable(String code) {
        certificatesMissing = Optional.of(new ReadFailure(code, "no permission"));
        return this;
    }

    /** An online {@code sslcert} host serving these certificates, shown as EdgeOne shows them (from the account's). */
    Estate host(String zoneId, String host, String... certIds) {
        return hostWith(zoneId, host, "online", "sslcert", certIds);
    }

    Estate hostWith(String zoneId, String host, String domainStatus, String mode, String... certIds) {
        hosts.add(new HostRecord(zoneId, host, domainStatus, mode, List.of(certIds).stream().map(this::deployed).toList()));
        return this;
    }

    /** A host serving a certificate EdgeOne shows with this algorithm and expiry, whatever the account says. */
    Estate hostOn(String zoneId, String host, DeployedCertificate... deployed) {
        hosts.add(new HostRecord(zoneId, host, "online", "sslcert", List.of(deployed)));
        return this;
    }

    private DeployedCertificate deployed(String certId) {
        CertificateRecord listed = certificates.get(certId);
        return listed == null ? new DeployedCertificate(certId, "", "upload", "", Optional.empty(), "deployed")
                : new DeployedCertificate(certId, "", "upload", edgeOneName(listed.encryptAlgorithm()), listed.notAfter(),
                "deployed");
    }

    /** EdgeOne shows the key size as well: {@code RSA 2048}, {@code ECC 256}. */
    private static String edgeOneName(String sslServiceName) {
        return sslServiceName.startsWith("RSA") ? "RSA 2048" : "ECC 256";
    }

    /** The estate once {@code rows} are applied: each host on its row's mode and certificates. */
    Estate applied(List<PlannedRow> rows) {
        for (PlannedRow row : rows) {
            hosts.removeIf(host -> host.zoneId().equals(row.zoneId()) && host.host().equals(row.host()));
            hostWith(row.zoneId(), row.host(), "online", row.mode(), row.newCertIds().toArray(String[]::new));
        }
        return this;
    }

    EstateSnapshot snapshot() {
        return new EstateSnapshot(zones, hosts, unreadable, List.of(), certificates, certificatesMissing);
    }
}
