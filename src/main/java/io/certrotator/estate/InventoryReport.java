package io.certrotator.estate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inventory of an estate snapshot: one line per host (zone, host, domain status, mode, and each certificate with
 * its algorithm, expiry and days left) and a summary, as a table, CSV or JSON. The CSV starts with the rotation CSV's
 * columns {@code zone_id,host,mode,cert_ids}, so that a copy of it, edited, is a rotation input.
 * <p>
 * The summary describes the whole snapshot: hosts and zones read, certificates (those the SSL service lists and those
 * hosts carry, each counted once) expiring within 7, 30 and 90 days (not expired yet; the windows include each
 * other), already expired, and hosts on EdgeOne's free certificates. A certificate whose expiry is unknown counts in
 * none of them.
 */
public final class InventoryReport {

    public enum Format {
        TABLE, CSV, JSON;

        /** {@code table}, {@code csv} or {@code json}, in any letter case. */
        public static Format parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format: expected table, csv or json, got " + text);
            }
        }
    }

    /** One host of the inventory. */
    record Line(String zoneId, String host, String domainStatus, String mode, List<CertificateView> certificates) {
    }

    /** @param expiringWithin7 and the two after: not expired yet, expiring within that many days */
    public record Summary(int hosts, int zones, int unreadableZones, long expiringWithin7, long expiringWithin30,
                          long expiringWithin90, long expired, long hostsOnFreeCertificates) {
    }

    static final List<String> CSV_COLUMNS = List.of("zone_id", "host", "mode", "cert_ids", "domain_status",
            "algorithms", "expire_times", "days_left", "certificate_details");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EstateSnapshot snapshot;
    private final Instant now;
    private final List<Line> lines;

    private InventoryReport(EstateSnapshot snapshot, Instant now, List<Line> lines) {
        this.snapshot = snapshot;
        this.now = now;
        this.lines = List.copyOf(lines);
    }

    /**
     * @param expiringWithin when present, only the hosts with a certificate expired or expiring within it are listed
     *                       (the summary still describes the whole snapshot)
     */
    public static InventoryReport of(EstateSnapshot snapshot, Instant now, Optional<Duration> expiringWithin) {
        List<Line> lines = new ArrayList<>();
        for (HostRecord host : snapshot.hosts()) {
            List<CertificateView> certs = host.certificates().stream()
                    .map(cert -> CertificateView.of(cert, snapshot.certificate(cert.certId()))).toList();
            if (expiringWithin.isEmpty() || certs.stream().anyMatch(cert -> cert.expiredAt(now)
                    || cert.expiringWithin(now, expiringWithin.get()))) {
                lines.add(new Line(host.zoneId(), host.host(), host.domainStatus(), host.mode(), certs));
            }
        }
        return new InventoryReport(snapshot, now, lines);
    }

    List<Line> lines() {
        return lines;
    }

    public Summary summary() {
        Map<String, CertificateView> certificates = new LinkedHashMap<>();
        snapshot.certificates().values().forEach(cert -> certificates.put(cert.certificateId(), CertificateView.of(cert)));
        snapshot.hosts().forEach(host -> host.certificates().forEach(cert -> certificates.putIfAbsent(cert.certId(),
                CertificateView.of(cert, Optional.empty()))));
        return new Summary(snapshot.hosts().size(), snapshot.zones().size(), snapshot.unreadableZones().size(),
                expiring(certificates, 7), expiring(certificates, 30), expiring(certificates, 90),
                certificates.values().stream().filter(cert -> cert.expiredAt(now)).count(),
                snapshot.hosts().stream().filter(HostRecord::onFreeCertificate).count());
    }

    private long expiring(Map<String, CertificateView> certificates, int days) {
        return certificates.values().stream().filter(cert -> cert.expiringWithin(now, Duration.ofDays(days))).count();
    }

    public String render(Format format) {
        return switch (format) {
            case TABLE -> table();
            case CSV -> csv();
            case JSON -> json();
        };
    }

    private String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ZONE", "HOST", "STATUS", "MODE", "CERTIFICATES"));
        lines.forEach(line -> rows.add(List.of(line.zoneId(), line.host(), line.domainStatus(), line.mode(),
                line.certificates().stream().map(this::describe).collect(Collectors.joining(", ")))));
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                out.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.append(row.get(4)).append('\n');
        });
        Summary summary = summary();
        out.append('\n').append(String.format("hosts: %d in %d zones (%d not readable)%n", summary.hosts(),
                summary.zones(), summary.unreadableZones()));
        out.append(String.format("certificates: %d expiring within 7 days, %d within 30, %d within 90, %d expired%n",
                summary.expiringWithin7(), summary.expiringWithin30(), summary.expiringWithin90(), summary.expired()));
        out.append(String.format("hosts on free certificates: %d%n", summary.hostsOnFreeCertificates()));
        snapshot.unreadableZones().forEach((zone, failure) ->
                out.append("zone ").append(zone).append(" not readable: ").append(describe(failure)).append('\n'));
        snapshot.unknownZones().forEach(zone -> out.append("zone ").append(zone).append(" not found\n"));
        snapshot.certificatesMissing().ifPresent(failure -> out.append("certificate details missing: ")
                .append(describe(failure)).append('\n'));
        return out.toString();
    }

    /**
     * {@code cert-a RSA 2048 2026-03-01 (45 days)}, {@code ... 2025-12-28 (expired 3 days ago)}; an unknown expiry is
     * {@code expiry unknown}.
     */
    private String describe(CertificateView cert) {
        String expiry = cert.expiresAt().map(at -> DAY.format(at) + " (" + cert.daysLeftInWords(now).orElseThrow() + ")")
                .orElse("expiry unknown");
        return cert.certId() + (cert.algorithm().isEmpty() ? "" : " " + cert.algorithm()) + " " + expiry;
    }

    private static String describe(ReadFailure failure) {
        return failure.code() + ": " + failure.message();
    }

    private String csv() {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Line line : lines) {
            List<String> fields = List.of(line.zoneId(), line.host(), line.mode(),
                    joined(line, CertificateView::certId), line.domainStatus(),
                    joined(line, CertificateView::algorithm),
                    joined(line, cert -> cert.expiresAt().map(Instant::toString).orElse("")),
                    joined(line, cert -> cert.daysLeft(now).map(String::valueOf).orElse("")), details(line));
            out.append(fields.stream().map(InventoryReport::quoted).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    /** Empty when the SSL service listed every certificate of the host; else what is missing and why. */
    private String details(Line line) {
        if (snapshot.certificatesMissing().isPresent()) {
            return "missing: " + snapshot.certificatesMissing().get().code();
        }
        List<String> unlisted = line.certificates().stream().map(CertificateView::certId)
                .filter(id -> snapshot.certificate(id).isEmpty()).toList();
        return unlisted.isEmpty() ? "" : "not in the account: " + String.join(";", unlisted);
    }

    private static String joined(Line line, Function<CertificateView, String> field) {
        return line.certificates().stream().map(field).collect(Collectors.joining(";"));
    }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
    private static String quoted(String field) {
        return field.matches("(?s).*[\",\r\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private String json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode hosts = root.putArray("hosts");
        for (Line line : lines) {
            ObjectNode host = hosts.addObject().put("zoneId", line.zoneId()).put("host", line.host())
                    .put("domainStatus", line.domainStatus()).put("mode", line.mode());
            ArrayNode certs = host.putArray("certificates");
            line.certificates().forEach(cert -> {
                ObjectNode node = certs.addObject().put("certId", cert.certId()).put("algorithm", cert.algorithm());
                node.put("expiresAt", cert.expiresAt().map(Instant::toString).orElse(null));
                cert.daysLeft(now).ifPresentOrElse(days -> node.put("daysLeft", days), () -> node.putNull("daysLeft"));
            });
            String details = details(line);
            host.put("certificateDetails", details.isEmpty() ? null : details);
        }
        root.set("summary", JSON.valueToTree(summary()));
        ObjectNode unreadable = root.putObject("unreadableZones");
        snapshot.unreadableZones().forEach((zone, failure) -> unreadable.set(zone, JSON.valueToTree(failure)));
        ArrayNode unknown = root.putArray("unknownZones");
        snapshot.unknownZones().forEach(unknown::add);
        root.set("certificatesMissing", snapshot.certificatesMissing()
                .<JsonNode>map(JSON::valueToTree).orElse(JSON.nullNode()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
