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
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a JSON state file. Format (every list optional; {@code status}, {@code mode}, {@code certIds},
 * {@code notAfter} optional with the defaults shown in comments):
 * <pre>{@code
 * {
 *   "zones": [
 *     { "zoneId": "zone-2fgd17m17xw",
 *       "status": "active",                      // or "paused"; default active
 *       "hosts": [
 *         { "host": "www.example.com", "mode": "sslcert", "certIds": ["cert-old"] },  // mode default sslcert
 *         { "host": "shop.example.com", "mode": "eofreecert" }
 *       ] }
 *   ],
 *   "certificates": [
 *     { "certId": "cert-old", "names": ["example.com", "*.example.com"], "notAfter": "2030-01-01T00:00:00Z" }
 *   ]
 * }
 * }</pre>
 * A missing {@code notAfter} means the certificate never expires. Hosts are normalized like the CSV's.
 */
final class JsonStateLoader {
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    void load(Path file, EdgeOneState state) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " must hold a JSON object with \"zones\" and \"certificates\"");
        }
        for (JsonNode zone : root.path("zones")) {
            String zoneId = text(zone, "zoneId", file);
            state.setZoneStatus(zoneId, zoneStatus(zone.path("status").asString("active"), file));
            for (JsonNode host : zone.path("hosts")) {
                String name = HostNormalizer.normalize(text(host, "host", file))
                        .orElseThrow(() -> new IOException(file + ": bad host " + host));
                List<String> certIds = new ArrayList<>();
                host.path("certIds").forEach(id -> certIds.add(id.asString()));
                state.putHost(zoneId, name, new HostCertificate(host.path("mode").asString("sslcert"), certIds,
                        host.path("status").asString(HostCertificate.DEPLOYED)));
            }
        }
        for (JsonNode cert : root.path("certificates")) {
            Set<String> names = new LinkedHashSet<>();
            cert.path("names").forEach(n -> names.add(n.asString()));
            state.putCertificate(new Certificate(text(cert, "certId", file), names, notAfter(cert, file)));
        }
    }

    private static String text(JsonNode node, String field, Path file) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IOException(file + ": \"" + field + "\" missing in " + node);
        }
        return value.asString().trim();
    }

    private static ZoneStatus zoneStatus(String text, Path file) throws IOException {
        try {
            return ZoneStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": zone status must be active or paused, not " + text);
        }
    }

    private static Instant notAfter(JsonNode cert, Path file) throws IOException {
        if (!cert.hasNonNull("notAfter")) {
            return NEVER;
        }
        try {
            return Instant.parse(cert.get("notAfter").asString());
        } catch (DateTimeParseException e) {
            throw new IOException(file + ": notAfter must be an ISO instant like 2030-01-01T00:00:00Z in " + cert);
        }
    }
}
