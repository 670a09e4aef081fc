package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.ZoneProfile;
import io.certrotator.simulator.ZoneStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hosts and zones in a state in which a certificate change cannot succeed: their rows fail before any call, with the
 * code the API would answer; an offline host, whose change the API accepts without applying it, fails verification
 * at once, naming its state.
 */
class HostAndZoneStatesIT {

    static final Credential CREDENTIAL = new Credential("AKIDhoststatestest", "host-state-secret-key-77");
    static final String MODIFY = "ModifyHostsCertificate";
    static final String DESCRIBE = "DescribeAccelerationDomains";
    static final String DESCRIBE_ZONES = "DescribeZones";
    static final String ZONE = "zone-states1";
    static final String HEADER = "zone_id,host,mode,cert_ids";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    /** One row a host, each to {@code cert-new}; the simulator seeded from it. */
    private Path seeded(String zone, String... hosts) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (String host : hosts) {
            lines.add(zone + "," + host + ",sslcert,cert-new");
        }
        Path input = csv(dir, "states.csv", lines);
        api.seededWith(input);
        return input;
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    private Rotator.Result rotate(Path input) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption(), "--cert-rotator.verify.timeout=30s");
    }

    private Map<String, Map<String, String>> rowsByHost() {
        return report(dir.resolve("states.results.csv")).values().stream()
                .collect(Collectors.toMap(row -> row.get("host"), row -> row));
    }

    private List<String> hostsSent() {
        return simulator().callLog().records(MODIFY).stream().flatMap(call -> call.hosts().stream()).toList();
    }

    @Test
    void aHostWaitingForItsZoneFailsWithInvalidZoneStatusWithoutACall() {
        Path input = seeded(ZONE, "ok.example.com", "init.example.com");
        simulator().state().setDomainStatus(ZONE, "init.example.com", "init");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(rowsByHost().get("init.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "FailedOperation.InvalidZoneStatus").containsEntry("attempts", "0")
                .containsEntry("error_message", "the host is init: it takes no configuration until its zone is active");
        assertThat(rowsByHost().get("ok.example.com")).containsEntry("status", "SUCCEEDED");
        assertThat(hostsSent()).containsExactly("ok.example.com");
    }

    @Test
    void aForbiddenHostFailsWithHostForbiddenWithoutACall() {
        Path input = seeded(ZONE, "ok.example.com", "banned.example.com");
        simulator().state().setDomainStatus(ZONE, "banned.example.com", "forbidden");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(rowsByHost().get("banned.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "HostForbidden").containsEntry("attempts", "0");
        assertThat(rowsByHost().get("banned.example.com").get("error_message")).contains("forbidden");
        assertThat(hostsSent()).containsExactly("ok.example.com");
        assertThat(result.out()).contains("HostForbidden: ");
    }

    @Test
    void anOfflineHostIsSentButFailsVerificationAtOnceNamingItsState() {
        Path input = seeded(ZONE, "ok.example.com", "off.example.com");
        simulator().state().setDomainStatus(ZONE, "off.example.com", "offline");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(simulator().callLog().records(MODIFY)).singleElement().satisfies(call -> {
            assertThat(call.hosts()).containsExactlyInAnyOrder("ok.example.com", "off.example.com");
            assertThat(call.succeeded()).isTrue();
        });
        assertThat(rowsByHost().get("off.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "VerificationFailed").containsEntry("attempts", "1")
                .containsEntry("error_message", "the host is offline (an accepted change does not show until it is "
                        + "enabled): shows sslcert cert-old-" + ZONE + " (deployed), expected sslcert cert-new");
        assertThat(rowsByHost().get("ok.example.com")).containsEntry("status", "SUCCEEDED");
        // the live read and one read-back: an offline host is not read again until the verify timeout
        assertThat(simulator().callLog().records(DESCRIBE)).hasSize(2);
    }

    @Test
    void aHostBeingDeployedIsSentAndRotated() {
        Path input = seeded(ZONE, "busy.example.com");
        simulator().state().setDomainStatus(ZONE, "busy.example.com", "process");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(rowsByHost().get("busy.example.com")).containsEntry("status", "SUCCEEDED")
                .containsEntry("attempts", "1");
    }

    @Test
    void aPausedZoneAndAZoneNotActiveFailOnlyTheirRowsWithoutACall() {
        Path input = csv(dir, "states.csv", HEADER, "zone-good1,a.example.com,sslcert,cert-new",
                "zone-good1,b.example.com,sslcert,cert-new", "zone-paused1,c.example.com,sslcert,cert-new",
                "zone-pending1,d.example.com,sslcert,cert-new", "zone-good2,e.example.com,sslcert,cert-new");
        api.seededWith(input);
        simulator().state().setZoneStatus("zone-paused1", ZoneStatus.PAUSED);
        simulator().state().setZoneProfile("zone-pending1",
                new ZoneProfile("pending.example.com", "full", "pending", false));

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        Map<String, Map<String, String>> rows = rowsByHost();
        assertThat(rows.get("c.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "OperationDenied.ErrZoneIsAlreadyPaused").containsEntry("attempts", "0")
                .containsEntry("error_message", "zone zone-paused1 is paused");
        assertThat(rows.get("d.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "FailedOperation.InvalidZoneStatus").containsEntry("attempts", "0")
                .containsEntry("error_message",
                        "zone zone-pending1 is not active: DescribeZones shows Status pending, ActiveStatus inactive");
        for (String host : List.of("a.example.com", "b.example.com", "e.example.com")) {
            assertThat(rows.get(host)).as(host).containsEntry("status", "SUCCEEDED");
        }
        assertThat(simulator().callLog().records()).filteredOn(call -> !call.action().equals(DESCRIBE_ZONES))
                .extracting(CallRecord::zoneId).doesNotContain("zone-paused1", "zone-pending1");
        assertThat(simulator().callLog().records(DESCRIBE_ZONES)).hasSize(1);
        assertThat(result.out()).contains("OperationDenied.ErrZoneIsAlreadyPaused: zone is paused")
                .contains("FailedOperation.InvalidZoneStatus: ");
    }

    @Test
    void theZonesAreReadOneDescribeZonesCallPerTwentyZones() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        IntStream.range(0, 45).forEach(i -> lines.add("zone-many" + i + ",h" + i + ".example.com,sslcert,cert-new"));
        Path input = csv(dir, "states.csv", lines);
        api.seededWith(input);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(simulator().callLog().records(DESCRIBE_ZONES)).hasSize(3)
                .allSatisfy(call -> assertThat(call.succeeded()).isTrue());
        assertThat(result.out()).contains(", 3 DescribeZones (zone state)");
    }

    @Test
    void whenTheZonesCannotBeReadTheCallsGoAndTheApiDecides() {
        Path input = csv(dir, "states.csv", HEADER, "zone-good1,a.example.com,sslcert,cert-new",
                "zone-paused1,c.example.com,sslcert,cert-new");
        api.seededWith(input);
        simulator().state().setZoneStatus("zone-paused1", ZoneStatus.PAUSED);
        simulator().refuseZoneListing(ErrorCodes.UNAUTHORIZED_ZONE);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(rowsByHost().get("c.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", "OperationDenied.ErrZoneIsAlreadyPaused").containsEntry("attempts", "1");
        assertThat(rowsByHost().get("a.example.com")).containsEntry("status", "SUCCEEDED");
        assertThat(simulator().callLog().records(DESCRIBE_ZONES)).singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE));
    }
}
