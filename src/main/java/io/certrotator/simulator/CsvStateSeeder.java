package io.certrotator.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setCommentMarker('#')
            .setAllowMissingColumnNames(true)
            .get();

    private final Instant certificatesExpire;

    CsvStateSeeder(Instant certificatesExpire) {
        this.certificatesExpire = certificatesExpire;
    }

    void seed(Path csv, EdgeOneState state) throws IOException {
        Map<String, Set<String>> namesByCert = new LinkedHashMap<>();
        Map<String, Set<String>> newHostsByZone = new LinkedHashMap<>();
        try (Reader reader = withoutBom(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
             CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord row : parser) {
                String zoneId = column(row, "zone_id");
                Optional<String> host = HostNames.normalize(column(row, "host"));
                if (zoneId.isEmpty() || host.isEmpty()) {
                    continue;
                }
                if (!state.hasHost(zoneId, host.get())) {
                    newHostsByZone.computeIfAbsent(zoneId, z -> new LinkedHashSet<>()).add(host.get());
                }
                for (String certId : certIds(column(row, "cert_ids"))) {
                    namesByCert.computeIfAbsent(certId, c -> new LinkedHashSet<>()).add(host.get());
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

    private static String column(CSVRecord row, String name) {
        return row.isMapped(name) && row.isSet(name) ? row.get(name).trim() : "";
    }

    private static List<String> certIds(String cell) {
        List<String> ids = new ArrayList<>();
        Arrays.stream(cell.split(";")).map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
        return ids;
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
