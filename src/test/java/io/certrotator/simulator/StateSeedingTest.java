package io.certrotator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSeedingTest {
    private static final Path SEED_CSV = SimulatorExtension.resource("simulator/seed.csv");
    private static final Path STATE_JSON = SimulatorExtension.resource("simulator/state-example.json");

    private static EdgeOneState seeded(Path csv, Path json) {
        return EdgeOneSimulator.builder().credentials("id", "key").seedCsv(csv).stateFile(json).build().state();
    }

    @Test
    void seedsEveryZoneAndHostOfTheCsvOnTheOldCertificate() {
        EdgeOneState state = seeded(SEED_CSV, null);

        assertThat(state.zoneCount()).isEqualTo(2);
        assertThat(state.hosts("zone-alpha1")).containsExactly("*.wild.example.com", "api.example.com",
                "blog.example.com", "mail.example.com", "shop.example.com", "www.example.com");
        assertThat(state.host("zone-alpha1", "mail.example.com"))
                .contains(HostCertificate.deployed("sslcert", List.of("cert-old-zone-alpha1")));
        assertThat(state.zoneStatus("zone-alpha1")).contains(ZoneStatus.ACTIVE);
        Certificate old = state.certificate("cert-old-zone-alpha1").orElseThrow();
        assertThat(state.hosts("zone-alpha1")).allMatch(old::covers);
    }

    @Test
    void normalizesHostsLikeTheRotationCsv() {
        assertThat(seeded(SEED_CSV, null).hosts("zone-beta2")).containsExactly("xn--bcher-kva.example.com");
    }

    @Test
    void seedsEveryCertificateCoveringExactlyTheHostsThatNameIt() {
        EdgeOneState state = seeded(SEED_CSV, null);

        Certificate rsa = state.certificate("cert-rsa1").orElseThrow();
        assertThat(rsa.names()).containsExactlyInAnyOrder("shop.example.com", "blog.example.com");
        assertThat(rsa.isExpiredAt(Instant.now())).isFalse();
        assertThat(state.certificate("cert-ecc1")).isPresent();
        assertThat(state.certificate("cert-wild").orElseThrow().covers("*.wild.example.com")).isTrue();
        assertThat(state.certificate("cert-orphan")).isEmpty();
        assertThat(state.certificateCount()).isEqualTo(8);
    }

    @Test
    void loadsZonesHostsAndCertificatesFromAJsonStateFile() {
        EdgeOneState state = seeded(null, STATE_JSON);

        assertThat(state.zoneStatus("zone-paused1")).contains(ZoneStatus.PAUSED);
        assertThat(state.host("zone-json1", "a.example.org"))
                .contains(HostCertificate.deployed("sslcert", List.of("cert-org")));
        assertThat(state.host("zone-json1", "free.example.org"))
                .contains(HostCertificate.deployed("eofreecert", List.of()));
        assertThat(state.certificate("cert-expired").orElseThrow().isExpiredAt(Instant.now())).isTrue();
        assertThat(state.certificate("cert-net").orElseThrow().isExpiredAt(Instant.now())).isFalse();
    }

    @Test
    void addsTheCsvToTheJsonStateWithoutReplacingWhatIsThere(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("rotation.csv"), """
                zone_id,host,mode,cert_ids
                zone-json1,a.example.org,sslcert,cert-org
                zone-json1,c.example.org,sslcert,cert-c
                """);

        EdgeOneState state = seeded(csv, STATE_JSON);

        assertThat(state.host("zone-json1", "a.example.org"))
                .contains(HostCertificate.deployed("sslcert", List.of("cert-org")));
        assertThat(state.host("zone-json1", "c.example.org"))
                .contains(HostCertificate.deployed("sslcert", List.of("cert-old-zone-json1")));
        assertThat(state.certificate("cert-org").orElseThrow().names()).contains("*.example.org");
        assertThat(state.certificate("cert-c").orElseThrow().names()).containsExactly("c.example.org");
    }

    @Test
    void refusesAJsonStateFileThatIsNotJsonNamingWhereWithoutTheParsersInternals(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"zones\": [\n  {\"zoneId\": \"zone-a1\"}");

        assertThatThrownBy(() -> seeded(null, bad)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(bad + " is not valid JSON: line 2, column ")
                .hasMessageContaining("Unexpected end-of-input")
                .hasMessageNotContaining("Source").hasMessageNotContaining("#UNKNOWN");
    }

    @Test
    void aHostWithoutADomainStatusIsInitInAZoneNotActiveAndOfflineInAPausedOne(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("states.json"), """
                {"zones": [
                  {"zoneId": "zone-pend1", "status": "pending", "hosts": [{"host": "a.example.org"}]},
                  {"zoneId": "zone-paus1", "status": "paused", "hosts": [{"host": "b.example.org"}]},
                  {"zoneId": "zone-act1", "hosts": [{"host": "c.example.org"},
                    {"host": "d.example.org", "domainStatus": "forbidden"}]}]}""");

        EdgeOneState state = seeded(null, json);

        assertThat(state.domainStatus("zone-pend1", "a.example.org")).isEqualTo("init");
        assertThat(state.domainStatus("zone-paus1", "b.example.org")).isEqualTo("offline");
        assertThat(state.domainStatus("zone-act1", "c.example.org")).isEqualTo("online");
        assertThat(state.domainStatus("zone-act1", "d.example.org")).isEqualTo("forbidden");
    }

    @Test
    void refusesADomainStatusTheApiDoesNotShow(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("status.json"), """
                {"zones": [{"zoneId": "zone-x1", "hosts": [{"host": "a.example.org", "domainStatus": "banned"}]}]}""");

        assertThatThrownBy(() -> seeded(null, bad)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("domainStatus of a.example.org").hasMessageContaining("banned");
    }

    @Test
    void servesTheJsonStateThroughTheApi() {
        try (EdgeOneSimulator simulator = EdgeOneSimulator.builder()
                .credentials(SimulatorExtension.SECRET_ID, SimulatorExtension.SECRET_KEY)
                .stateFile(STATE_JSON).build().start()) {
            RawApiClient raw = new RawApiClient(simulator.port());

            assertThat(outcome(raw, "zone-paused1", "p.example.net", "cert-net")).isEqualTo(ErrorCodes.ZONE_PAUSED);
            assertThat(outcome(raw, "zone-json1", "a.example.org", "cert-expired")).isEqualTo(ErrorCodes.CERT_EXPIRED);
            assertThat(outcome(raw, "zone-json1", "b.example.org", "cert-org")).isEqualTo(CallRecord.OK);
        }
    }

    private static String outcome(RawApiClient raw, String zone, String host, String cert) {
        try {
            return raw.signed("ModifyHostsCertificate", "2022-09-01", "{\"ZoneId\":\"" + zone + "\",\"Hosts\":[\"" + host
                    + "\"],\"Mode\":\"sslcert\",\"ServerCertInfo\":[{\"CertId\":\"" + cert + "\"}]}", Instant.now()).errorCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
