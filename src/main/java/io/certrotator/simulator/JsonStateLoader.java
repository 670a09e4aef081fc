package io.certrotator.simulator;

import io.certrotator.input.HostNormalizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a JSON state file. Format (every list and every field but the IDs and host names optional; defaults in
 * comments):
 * <pre>{@code
 * {
 *   "zones": [
 *     { "zoneId": "zone-2fgd17m17xw",
 *       "name": "example.com",                   // default: the ID without "zone-", plus ".example.com"
 *       "type": "partial",                       // full, partial, noDomainAccess, pages, ...; default partial
 *       "status": "active",                      // active, pending, moved, deactivated, initializing,
 *                                                // or paused (= active and paused); default active
 *       "paused": false,                         // default: true only for status paused
 *       "unauthorized": false,                   // true: DescribeAccelerationDomains is refused (CAM)
 *       "hosts": [
 *         { "host": "www.example.com", "mode": "sslcert", "certIds": ["cert-old"],  // mode default sslcert
 *           "domainStatus": "online" },          // online, process, offline, init, forbidden; default
 *                                                // online (offline in a paused zone, init in one not active)
 *         { "host": "shop.example.com", "mode": "eofreecert" }
 *       ] }
 *   ],
 *   "certificates": [
 *     { "certId": "cert-old", "names": ["example.com", "*.example.com"],   // the CN first, then the SANs
 *       "notBefore": "2025-01-01T00:00:00Z",     // default 2020-01-01
 *       "notAfter": "2030-01-01T00:00:00Z",      // default: never expires
 *       "algorithm": "ECC 256",                  // default RSA 2048
 *       "alias": "old", "status": 1 }            // the SSL service's status; default 1 (issued)
 *   ]
 * }
 * }</pre>
 * Hosts are normalized like the CSV's.
 */
final class JsonStateLoader {
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
    private static final Set<String> ZONE_STATUSES = Set.of("active", "paused", "pending", "moved", "deactivated",
            "initializing");
    private static final Set<String> DOMAIN_STATUSES = Set.of("online", "process", "offline", "init", "forbidden");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    void load(Path file, EdgeOneState state) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + where(e) + withoutSource(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " must hold a JSON object with \"zones\" and \"certificates\"");
        }
        for (JsonNode zone : root.path("zones")) {
            String zoneId = text(zone, "zoneId", file);
            String status = zone.path("status").asString("active");
            if (!ZONE_STATUSES.contains(status)) {
                throw new IOException(file + ": zone status must be one of " + ZONE_STATUSES + ", not " + status);
            }
            boolean paused = zone.path("paused").asBoolean(status.equals("paused"));
            state.setZoneStatus(zoneId, paused ? ZoneStatus.PAUSED : ZoneStatus.ACTIVE);
            ZoneProfile defaults = ZoneProfile.defaultFor(zoneId);
            state.setZoneProfile(zoneId, new ZoneProfile(zone.path("name").asString(defaults.name()),
                    zone.path("type").asString(defaults.type()), status.equals("paused") ? "active" : status,
                    zone.path("unauthorized").asBoolean(false)));
            for (JsonNode host : zone.path("hosts")) {
                String name = HostNormalizer.normalize(text(host, "host", file))
                        .orElseThrow(() -> new IOException(file + ": bad host " + host));
                List<String> certIds = new ArrayList<>();
                host.path("certIds").forEach(id -> certIds.add(id.asString()));
                state.putHost(zoneId, name, new HostCertificate(host.path("mode").asString("sslcert"), certIds,
                        host.path("status").asString(HostCertificate.DEPLOYED)));
                if (host.hasNonNull("domainStatus")) {
                    String domainStatus = host.get("domainStatus").asString();
                    if (!DOMAIN_STATUSES.contains(domainStatus)) {
                        throw new IOException(file + ": domainStatus of " + name + " must be one of " + DOMAIN_STATUSES
                                + ", not " + domainStatus);
                    }
                    state.setDomainStatus(zoneId, name, domainStatus);
                }
            }
        }
        for (JsonNode cert : root.path("certificates")) {
            Set<String> names = new LinkedHashSet<>();
            cert.path("names").forEach(n -> names.add(n.asString()));
            state.putCertificate(new Certificate(text(cert, "certId", file), names,
                    instant(cert, "notBefore", Certificate.DEFAULT_NOT_BEFORE, file), instant(cert, "notAfter", NEVER, file),
                    cert.path("algorithm").asString(Certificate.DEFAULT_ALGORITHM), cert.path("alias").asString(""),
                    cert.path("status").asInt(Certificate.ISSUED)));
        }
    }

    private static String text(JsonNode node, String field, Path file) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IOException(file + ": \"" + field + "\" missing in " + node);
        }
        return value.asString().trim();
    }

    private static Instant instant(JsonNode cert, String field, Instant absent, Path file) throws IOException {
        if (!cert.hasNonNull(field)) {
            return absent;
        }
        try {
            return Instant.parse(cert.get(field).asString());
        } catch (DateTimeParseException e) {
            throw new IOException(file + ": " + field + " must be an ISO instant like 2030-01-01T00:00:00Z in " + cert);
        }
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    }

    /** Jackson names the source where a structure started; it says only that the source is not shown. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source: .*?\\]\\)", "");
    }
}
