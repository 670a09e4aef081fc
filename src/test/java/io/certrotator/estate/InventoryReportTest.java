package io.certrotator.estate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryReportTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final ZoneRecord ZONE = new ZoneRecord("zone-r1", "example.com", "partial", "active", "active", false);

    private static DeployedCertificate deployed(String certId, String algorithm, Optional<Instant> expiry) {
        return new DeployedCertificate(certId, "", "upload", algorithm, expiry, "deployed");
    }

    private static CertificateRecord listed(String certId, String algorithm, Instant notAfter) {
        return new CertificateRecord(certId, "", certId + ".example.com", List.of(), Optional.of(NOW.minus(
                Duration.ofDays(300))), Optional.of(notAfter), 1, algorithm, "SVR");
    }

    private static final HostRecord SOON = new HostRecord("zone-r1", "soon.example.com", "online", "sslcert", List.of(
            deployed("cert-rsa", "RSA 2048", Optional.of(NOW.plus(Duration.ofDays(5)))),
            deployed("cert-ecc", "ECC 256", Optional.of(NOW.plus(Duration.ofDays(45))))));
    private static final HostRecord EXPIRED = new HostRecord("zone-r1", "old.example.com", "offline", "sslcert",
            List.of(deployed("cert-old", "", Optional.empty())));
    private static final HostRecord FREE = new HostRecord("zone-r1", "free.example.com", "online", "eofreecert",
            List.of());
    private static final HostRecord UNKNOWN = new HostRecord("zone-r1", "odd.example.com", "process", "sslcert",
            List.of(deployed("cert-odd", "RSA 2048", Optional.empty())));

    private static EstateSnapshot snapshot(Map<String, CertificateRecord> certificates, Optional<ReadFailure> missing) {
        return new EstateSnapshot(List.of(ZONE), List.of(SOON, EXPIRED, FREE, UNKNOWN),
                Map.of("zone-pages1", new ReadFailure("UnauthorizedOperation.CamUnauthorized", "no")),
                List.of("zone-nope1"), certificates, missing);
    }

    private static final EstateSnapshot SNAPSHOT = snapshot(Map.of(
            "cert-old", listed("cert-old", "RSA 4096", NOW.minus(Duration.ofDays(2))),
            "cert-ecc", listed("cert-ecc", "ECC 256", NOW.plus(Duration.ofDays(45))),
            "cert-far", listed("cert-far", "RSA 2048", NOW.plus(Duration.ofDays(80)))), Optional.empty());

    @Test
    void theSummaryCountsCertificatesOnceByExpiryWindowAndHostsOnFreeCertificates() {
        InventoryReport.Summary summary = InventoryReport.of(SNAPSHOT, NOW, Optional.empty()).summary();

        assertThat(summary).isEqualTo(new InventoryReport.Summary(4, 1, 1, 1, 1, 3, 1, 1));
    }

    @Test
    void aHostCertificateWithoutEdgeOneDetailsTakesTheSslServicesAlgorithmAndExpiry() {
        String csv = InventoryReport.of(SNAPSHOT, NOW, Optional.empty()).render(InventoryReport.Format.CSV);

        assertThat(csv).contains("zone-r1,old.example.com,sslcert,cert-old,offline,RSA 4096,2025-12-30T00:00:00Z,-2,");
    }

    @Test
    void csvStartsWithTheRotationColumnsAndListsEachCertificateInOrder() {
        String csv = InventoryReport.of(SNAPSHOT, NOW, Optional.empty()).render(InventoryReport.Format.CSV);

        assertThat(csv.lines().toList()).containsExactly(
                "zone_id,host,mode,cert_ids,domain_status,algorithms,expire_times,days_left,certificate_details",
                "zone-r1,soon.example.com,sslcert,cert-rsa;cert-ecc,online,RSA 2048;ECC 256,"
                        + "2026-01-06T00:00:00Z;2026-02-15T00:00:00Z,5;45,not in the account: cert-rsa",
                "zone-r1,old.example.com,sslcert,cert-old,offline,RSA 4096,2025-12-30T00:00:00Z,-2,",
                "zone-r1,free.example.com,eofreecert,,online,,,,",
                "zone-r1,odd.example.com,sslcert,cert-odd,process,RSA 2048,,,not in the account: cert-odd");
    }

    @Test
    void expiringWithinListsOnlyHostsWithACertificateExpiredOrExpiringInTime() {
        InventoryReport report = InventoryReport.of(SNAPSHOT, NOW, Optional.of(Duration.ofDays(7)));

        assertThat(report.lines()).extracting(InventoryReport.Line::host)
                .containsExactly("soon.example.com", "old.example.com");
        assertThat(report.summary().hosts()).isEqualTo(4);
    }

    @Test
    void anUnknownExpiryIsNeitherExpiredNorExpiringAndTheTableSaysSo() {
        String table = InventoryReport.of(SNAPSHOT, NOW, Optional.of(Duration.ofDays(3650)))
                .render(InventoryReport.Format.TABLE);

        assertThat(table).doesNotContain("odd.example.com");
        assertThat(InventoryReport.of(SNAPSHOT, NOW, Optional.empty()).render(InventoryReport.Format.TABLE))
                .contains("cert-odd RSA 2048 expiry unknown");
    }

    @Test
    void theTableShowsEachHostWithItsCertificatesThenTheSummaryAndWhatCouldNotBeRead() {
        String table = InventoryReport.of(SNAPSHOT, NOW, Optional.empty()).render(InventoryReport.Format.TABLE);

        assertThat(table).contains("soon.example.com  online   sslcert     cert-rsa RSA 2048 2026-01-06 (5 days), "
                + "cert-ecc ECC 256 2026-02-15 (45 days)");
        assertThat(table).contains("hosts: 4 in 1 zones (1 not readable)",
                "certificates: 1 expiring within 7 days, 1 within 30, 3 within 90, 1 expired",
                "hosts on free certificates: 1",
                "zone zone-pages1 not readable: UnauthorizedOperation.CamUnauthorized: no",
                "zone zone-nope1 not found");
    }

    @Test
    void daysLeftOfAnExpiredCertificateCountWholeDaysSinceItsExpiryAsTheDateShows() {
        Instant expired = NOW.minus(Duration.ofDays(3)).minusSeconds(27);
        HostRecord host = new HostRecord("zone-r1", "gone.example.com", "online", "sslcert",
                List.of(deployed("cert-gone", "RSA 2048", Optional.of(expired))));
        EstateSnapshot snapshot = new EstateSnapshot(List.of(ZONE), List.of(host), Map.of(), List.of(), Map.of(),
                Optional.empty());

        InventoryReport report = InventoryReport.of(snapshot, NOW, Optional.empty());

        assertThat(report.render(InventoryReport.Format.TABLE)).contains("cert-gone RSA 2048 2025-12-28 (expired 3 days"
                + " ago)");
        assertThat(report.render(InventoryReport.Format.CSV)).contains(",-3,");
    }

    @Test
    void aCertificateThatExpiredLessThanADayAgoShowsAsExpiredNotAsZeroDaysLeft() {
        HostRecord host = new HostRecord("zone-r1", "gone.example.com", "online", "sslcert", List.of(
                deployed("cert-gone", "RSA 2048", Optional.of(NOW.minus(Duration.ofHours(5)))),
                deployed("cert-today", "ECC 256", Optional.of(NOW.plus(Duration.ofHours(5))))));
        EstateSnapshot snapshot = new EstateSnapshot(List.of(ZONE), List.of(host), Map.of(), List.of(), Map.of(),
                Optional.empty());

        String table = InventoryReport.of(snapshot, NOW, Optional.empty()).render(InventoryReport.Format.TABLE);

        assertThat(table).contains("cert-gone RSA 2048 2025-12-31 (expired less than a day ago), "
                + "cert-today ECC 256 2026-01-01 (0 days)");
    }

    @Test
    void daysLeftAreRoundedTowardZeroOnBothSidesOfTheExpiry() {
        CertificateView in30Hours = new CertificateView("a", "RSA", Optional.of(NOW.plus(Duration.ofHours(30))));
        CertificateView since30Hours = new CertificateView("b", "RSA", Optional.of(NOW.minus(Duration.ofHours(30))));

        assertThat(in30Hours.daysLeft(NOW)).contains(1L);
        assertThat(since30Hours.daysLeft(NOW)).contains(-1L);
    }

    @Test
    void aMissingCertificateListingMarksEveryHostsCertificateDetailsWithWhy() {
        EstateSnapshot snapshot = snapshot(Map.of(), Optional.of(new ReadFailure("AuthFailure.UnauthorizedOperation",
                "not allowed")));
        InventoryReport report = InventoryReport.of(snapshot, NOW, Optional.empty());

        assertThat(report.render(InventoryReport.Format.CSV).lines().skip(1))
                .allMatch(line -> line.endsWith(",missing: AuthFailure.UnauthorizedOperation"));
        assertThat(report.render(InventoryReport.Format.TABLE))
                .contains("certificate details missing: AuthFailure.UnauthorizedOperation: not allowed");
    }

    @Test
    void jsonHoldsTheHostsTheSummaryAndTheFailures() {
        JsonNode json = JsonMapper.builder().build().readTree(
                InventoryReport.of(SNAPSHOT, NOW, Optional.empty()).render(InventoryReport.Format.JSON));

        assertThat(json.path("hosts")).hasSize(4);
        JsonNode first = json.path("hosts").get(0);
        assertThat(first.path("certificates").get(1).path("daysLeft").asInt()).isEqualTo(45);
        assertThat(first.path("certificates").get(1).path("expiresAt").asString()).isEqualTo("2026-02-15T00:00:00Z");
        assertThat(json.path("hosts").get(3).path("certificates").get(0).path("expiresAt").isNull()).isTrue();
        assertThat(json.path("summary").path("expired").asInt()).isEqualTo(1);
        assertThat(json.path("unreadableZones").path("zone-pages1").path("code").asString())
                .isEqualTo("UnauthorizedOperation.CamUnauthorized");
        assertThat(json.path("unknownZones").get(0).asString()).isEqualTo("zone-nope1");
        assertThat(json.path("certificatesMissing").isNull()).isTrue();
    }

    @Test
    void aFieldWithACommaIsQuotedInCsv() {
        HostRecord odd = new HostRecord("zone-r1", "q.example.com", "online", "sslcert",
                List.of(deployed("cert-q", "RSA, 2048", Optional.empty())));
        EstateSnapshot snapshot = new EstateSnapshot(List.of(ZONE), List.of(odd), Map.of(), List.of(), Map.of(),
                Optional.empty());

        assertThat(InventoryReport.of(snapshot, NOW, Optional.empty()).render(InventoryReport.Format.CSV))
                .contains(",\"RSA, 2048\",");
    }
}
