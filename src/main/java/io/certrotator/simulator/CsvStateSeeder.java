package io.certrotator.simulator;

import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds the state from a rotation CSV ({@code zone_id,host,mode,cert_ids}) so that every valid row of it can succeed.
 * <ul>
 *   <li>Every zone named exists (active); every host named exists in its zone, on the "old" configuration
 *       {@code sslcert} with certificate {@code cert-old-<zone_id>}, which covers every host the CSV seeds in that zone.</li>
 *   <li>Every certificate named exists, valid for a year, and covers exactly the hosts whose rows name it.</li>
 *   <li>Only what the state lacks is added: a zone, host or certificate already there (from a JSON state file) is kept.</li>
 *   <li>Rows without a usable zone or host are skipped.</li>
 * </ul>
 */
final class CsvStateSeeder {
    private final Instant certificatesExpire;

    CsvStateSeeder(Instant certificatesExpire) {
        this.certificatesExpire = certificatesExpire;
    }

    /** Reads the CSV exactly as the rotation job does, so the hosts seeded are the hosts the job will name. */
    void seed(Path csv, EdgeOneState state) {
        Map<String, Set<String>> namesByCert = new LinkedHashMap<>();
        Map<String, Set<String>> newHostsByZone = new LinkedHashMap<>();
        try (RotationCsvReader reader = RotationCsvReader.open(csv)) {
            while (reader.hasNext()) {
                RotationRow row = reader.next();
                if (!row.valid()) {
                    continue;
                }
                if (!state.hasHost(row.zoneId(), row.host())) {
                    newHostsByZone.computeIfAbsent(row.zoneId(), z -> new LinkedHashSet<>()).add(row.host());
                }
                for (String certId : row.certIds()) {
                    namesByCert.computeIfAbsent(certId, c -> new LinkedHashSet<>()).add(row.host());
                }
            }
        }
        newHostsByZone.forEach((zoneId, hosts) -> {
            String oldCertId = "cert-old-" + zoneId;
            state.addZone(zoneId);
            hosts.forEach(host -> state.putHost(zoneId, host, HostCertificate.deployed("sslcert", List.of(oldCertId))));
            if (!state.hasCertificate(oldCertId)) {
                state.putCertificate(new Certificate(oldCertId, hosts, certificatesExpire));
            }
        });
        namesByCert.forEach((certId, names) -> {
            if (!state.hasCertificate(certId)) {
                state.putCertificate(new Certificate(certId, names, certificatesExpire));
            }
        });
    }
}
