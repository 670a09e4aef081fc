package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.TemporaryCredentialsFile;
import io.certrotator.edgeone.TemporaryCredentialsFile.Temporary;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.ZoneProfile;
import io.certrotator.simulator.ZoneStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.certrotator.job.Rotator.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run does when the API refuses the credentials: for one zone (UnauthorizedOperation), for an expired session
 * token (AuthFailure.TokenFailure), for a clock that is off (AuthFailure.SignatureExpire). Over HTTP, in this JVM.
 */
class AuthRulesIT {

    static final String SECRET_ID = "AKIDauthrules";
    static final String SECRET_KEY = "auth-rules-secret-key-4242";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY);
    static final String MODIFY = "ModifyHostsCertificate";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();
    @RegisterExtension
    final TemporaryCredentialsFile credentials = new TemporaryCredentialsFile();

    /** Two hosts a zone, each zone on its own certificate. */
    private Path input(String... zones) {
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (String zone : zones) {
            for (int i = 0; i < 2; i++) {
                lines.add(zone + ",h" + i + "." + zone + ".example.com,sslcert,cert-" + zone);
            }
        }
        return csv(dir, "rotation.csv", lines);
    }

    private Map<Long, Map<String, String>> report() {
        return Rotator.report(dir.resolve("rotation.results.csv"));
    }

    private List<Map<String, String>> rowsOf(String zone) {
        return report().values().stream().filter(row -> row.get("zone_id").equals(zone)).toList();
    }

    private static void unauthorized(EdgeOneSimulator simulator, String zone) {
        simulator.state().setZoneProfile(zone, new ZoneProfile(zone + ".example.com", "partial", "active", true));
    }

    private Rotator.Result rotate(Path input) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption());
    }

    @Test
    void aZoneTheCredentialsMayNotReadFailsItsRowsWithTheCodeAndTheOtherZonesRotate() {
        Path input = input("zone-a1", "zone-b1", "zone-c1");
        unauthorized(api.seededWith(input), "zone-b1");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(rowsOf("zone-b1")).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("error_code")).isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
            assertThat(row.get("error_message")).startsWith("zone zone-b1 refused DescribeAccelerationDomains with "
                    + ErrorCodes.UNAUTHORIZED_ZONE + ": ");
            assertThat(row.get("attempts")).isEqualTo("0");
        });
        assertThat(rowsOf("zone-a1")).hasSize(2).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(rowsOf("zone-c1")).hasSize(2).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(api.simulator().callLog().records(MODIFY)).noneMatch(call -> call.zoneId().equals("zone-b1"));
    }

    @Test
    void aPagesZoneAmongNormalOnesFailsItsRowsAlone() {
        Path input = input("zone-a1", "zone-pages1", "zone-c1", "zone-d1");
        api.seededWith(input).state().setZoneProfile("zone-pages1",
                new ZoneProfile("pages.example.com", ZoneProfile.PAGES, "active", false));

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(report().values()).hasSize(8).allSatisfy(row -> assertThat(row.get("status"))
                .isEqualTo(row.get("zone_id").equals("zone-pages1") ? "FAILED" : "SUCCEEDED"));
        assertThat(rowsOf("zone-pages1")).allSatisfy(row -> {
            assertThat(row.get("error_code")).isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
            assertThat(row.get("error_message")).contains("zone-pages1", "a Pages zone");
        });
    }

    @Test
    void aZoneWhoseChangeIsRefusedFailsThoseRowsWithTheCodeAndTheRequestId() {
        Path input = input("zone-a1", "zone-b1", "zone-c1");
        EdgeOneSimulator simulator = api.seededWith(input);
        // a CAM policy that lets the credentials read zone-b1 but not change it
        simulator.failFirstCalls("h0.zone-b1.example.com", 10, ErrorCodes.UNAUTHORIZED_ZONE);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(rowsOf("zone-b1")).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("error_code")).isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
            assertThat(row.get("error_message")).startsWith("zone zone-b1 refused ModifyHostsCertificate with ");
            assertThat(row.get("request_id")).isNotBlank();
            assertThat(row.get("attempts")).isEqualTo("1");
        });
        assertThat(rowsOf("zone-a1")).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(rowsOf("zone-c1")).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aZoneWhoseChangeIsRefusedGetsNoMoreCallsAndAllItsRowsFail() {
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (String zone : List.of("zone-a1", "zone-c1")) {
            lines.add(zone + ",h0." + zone + ".example.com,sslcert,cert-" + zone);
        }
        List<String> refusedHosts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            refusedHosts.add("h" + i + ".zone-b1.example.com");
            lines.add("zone-b1,h" + i + ".zone-b1.example.com,sslcert,cert-zone-b1");
        }
        Path input = csv(dir, "rotation.csv", lines);
        EdgeOneSimulator simulator = api.seededWith(input);
        // a CAM policy that lets the credentials read zone-b1 but not change it
        refusedHosts.forEach(host -> simulator.failFirstCalls(host, 10, ErrorCodes.UNAUTHORIZED_ZONE));

        Rotator.Result result = rotator.rotate(CREDENTIAL, input, api.endpointOption(), "--max-hosts-per-call=1",
                "--cert-rotator.concurrency=4");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(rowsOf("zone-b1")).hasSize(40).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("error_code")).isEqualTo(ErrorCodes.UNAUTHORIZED_ZONE);
            assertThat(row.get("error_message")).startsWith("zone zone-b1 refused ModifyHostsCertificate with ");
        });
        // at most the calls already on their way (4 call workers) when the first refusal came; 40 without the rule
        assertThat(simulator.callLog().records(MODIFY)).filteredOn(call -> call.zoneId().equals("zone-b1"))
                .hasSizeLessThanOrEqualTo(8);
        assertThat(rowsOf("zone-a1")).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(rowsOf("zone-c1")).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void theFirstThreeZonesAllRefusedStopTheRunWithEveryRowPendingAndTheFixedPolicyResumesIt() {
        Path input = input("zone-a1", "zone-b1", "zone-c1", "zone-d1");
        EdgeOneSimulator simulator = api.seededWith(input);
        List.of("zone-a1", "zone-b1", "zone-c1", "zone-d1").forEach(zone -> unauthorized(simulator, zone));

        Rotator.Result stopped = rotate(input);

        assertThat(stopped.exitCode()).as(stopped.out()).isEqualTo(1);
        assertThat(stopped.out()).contains("the credentials may not act on the first 3 zones tried",
                "zone-a1 (" + ErrorCodes.UNAUTHORIZED_ZONE + ")", "CAM policy", "run the same command again");
        assertThat(report().values()).hasSize(8).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
        assertThat(simulator.callLog().records(MODIFY)).isEmpty();

        simulator.state().zones().forEach(zone -> simulator.state().setZoneProfile(zone.zoneId(),
                ZoneProfile.defaultFor(zone.zoneId())));
        Rotator.Result resumed = rotate(input);

        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        assertThat(report().values()).hasSize(8).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aPausedZoneIsNotOneOfTheFirstZonesTheCredentialsAreJudgedOn() {
        Path input = input("zone-a1", "zone-b1", "zone-c1", "zone-d1");
        EdgeOneSimulator simulator = api.seededWith(input);
        simulator.state().setZoneStatus("zone-a1", ZoneStatus.PAUSED);
        List.of("zone-b1", "zone-c1", "zone-d1").forEach(zone -> unauthorized(simulator, zone));

        Rotator.Result stopped = rotate(input);

        assertThat(stopped.exitCode()).as(stopped.out()).isEqualTo(1);
        assertThat(stopped.out()).contains("the credentials may not act on the first 3 zones tried: zone-b1");
        assertThat(rowsOf("zone-a1")).allSatisfy(row -> assertThat(row.get("error_code"))
                .isEqualTo("OperationDenied.ErrZoneIsAlreadyPaused"));
        assertThat(report().values()).filteredOn(row -> !row.get("zone_id").equals("zone-a1")).hasSize(6)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
    }

    @Test
    void aRunWhoseOnlyZoneIsRefusedStopsWithItsRowsPending() {
        Path input = input("zone-a1");
        unauthorized(api.seededWith(input), "zone-a1");

        Rotator.Result stopped = rotate(input);

        assertThat(stopped.exitCode()).as(stopped.out()).isEqualTo(1);
        assertThat(stopped.out()).contains("the credentials may not act on every zone of the run: zone-a1");
        assertThat(report().values()).hasSize(2).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
    }

    /** Temporary credentials whose session token expires after {@code calls} calls; the renewed ones are accepted. */
    private EdgeOneSimulator simulatorWithExpiringToken(Path input, int calls, Runnable atExpiry) {
        AtomicInteger signed = new AtomicInteger();
        Temporary expiring = credentials.expiring();
        Temporary renewed = credentials.renewed();
        EdgeOneSimulator simulator = api.seededWith(input, builder -> builder
                .credentials(expiring.secretId(), expiring.secretKey(), expiring.token())
                .onCall(call -> {
                    if (expiring.token().equals(call.sessionToken()) && signed.incrementAndGet() == calls) {
                        atExpiry.run();
                    }
                }));
        simulator.putCredentials(renewed.secretId(), renewed.secretKey(), renewed.token());
        simulator.expireSessionTokenAfter(expiring.token(), calls);
        return simulator;
    }

    private Rotator.Result rotateWithProfile(Path input) {
        return rotator.rotate(null, input, api.endpointOption(), "--profile=" + TemporaryCredentialsFile.PROFILE,
                "--max-hosts-per-call=1");
    }

    @Test
    void aSessionTokenThatExpiresMidRunIsRenewedFromTheCredentialsFileAndEveryRowSucceeds() {
        Path input = input("zone-a1", "zone-b1", "zone-c1", "zone-d1");
        EdgeOneSimulator simulator = simulatorWithExpiringToken(input, 5, credentials::renew);

        Rotator.Result result = rotateWithProfile(input);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(report().values()).hasSize(8).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        List<CallRecord> calls = simulator.callLog().records();
        assertThat(calls).filteredOn(call -> call.outcome().equals(ErrorCodes.TOKEN_FAILURE)).isNotEmpty()
                .allSatisfy(call -> assertThat(call.sessionToken()).isEqualTo(credentials.expiring().token()));
        assertThat(calls).filteredOn(call -> credentials.renewed().token().equals(call.sessionToken())).isNotEmpty()
                .allSatisfy(call -> assertThat(call.succeeded()).isTrue());
        assertThat(calls.get(calls.size() - 1).sessionToken()).isEqualTo(credentials.renewed().token());
        assertThat(result.out() + result.err()).doesNotContain(credentials.renewed().secretKey())
                .doesNotContain(credentials.expiring().secretKey());
    }

    @Test
    void aSessionTokenThatExpiresWithNoRenewedOneStopsTheRunWithRowsPendingAndSaysHowToRenewIt() {
        Path input = input("zone-a1", "zone-b1", "zone-c1", "zone-d1");
        EdgeOneSimulator simulator = simulatorWithExpiringToken(input, 5, () -> {
        });

        Rotator.Result stopped = rotateWithProfile(input);

        assertThat(stopped.exitCode()).as(stopped.out()).isEqualTo(1);
        assertThat(stopped.out()).contains("the session token has expired or is not valid ("
                + ErrorCodes.TOKEN_FAILURE + ")", "renew the temporary credentials", "TENCENTCLOUD_SESSION_TOKEN",
                "run the same command again");
        assertThat(report().values()).hasSize(8).anySatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"))
                .allSatisfy(row -> assertThat(row.get("status")).isIn("PENDING", "SUCCEEDED"));
        assertThat(simulator.callLog().records())
                .noneMatch(call -> credentials.renewed().token().equals(call.sessionToken()));

        credentials.renew();
        Rotator.Result resumed = rotateWithProfile(input);

        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        assertThat(report().values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aClockMoreThanFiveMinutesOffTheApisStopsTheRunSayingByAboutHowMuch() {
        Path input = input("zone-a1", "zone-b1");
        EdgeOneSimulator simulator = api.seededWith(input, builder -> builder.clockOffset(Duration.ofMinutes(7)));

        Rotator.Result stopped = rotate(input);

        assertThat(stopped.exitCode()).as(stopped.out()).isEqualTo(1);
        assertThat(stopped.out()).contains("this machine's clock is about 7 minutes behind the API's ("
                + ErrorCodes.SIGNATURE_EXPIRE, "sync it (NTP, chrony)", "run the same command again");
        assertThat(report().values()).hasSize(4).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
        assertThat(simulator.callLog().records(MODIFY)).isEmpty();
    }
}
