package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.Faults;
import io.certrotator.simulator.HostCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/** Planning from the live state (skip what is done, group by current certificate) and reading back what changed. */
class LiveStateIT {

    static final String SECRET_ID = "AKIDlivestatetest";
    static final String SECRET_KEY = "live-state-secret-key-4242";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY);
    static final String MODIFY = "ModifyHostsCertificate";
    static final String DESCRIBE = "DescribeAccelerationDomains";
    static final String ZONE = "zone-live1";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    private void simulatorSeededWith(Path csv, UnaryOperator<EdgeOneSimulator.Builder> more) {
        api.seededWith(csv, more);
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    private Rotator.Result rotate(Path input, String... options) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption(),
                Stream.concat(Stream.of("--cert-rotator.verify.timeout=2s"), Stream.of(options)).toArray(String[]::new));
    }

    private static String host(int i) {
        return "h" + i + ".example.com";
    }

    private static Map<String, Map<String, String>> byHost(Path report) {
        return report(report).values().stream().collect(Collectors.toMap(r -> r.get("host"), r -> r));
    }

    /** Hosts 0-9 already on cert-new, 10-19 on the seeded old certificate, 20-29 on a second old one. */
    private Path partlyRotatedZone() {
        Path input = csv(dir, "live.csv", hostsOnOneCertificate(ZONE, "cert-new", 30, LiveStateIT::host));
        simulatorSeededWith(input, b -> b);
        for (int i = 0; i < 10; i++) {
            simulator().state().putHost(ZONE, host(i), HostCertificate.deployed("sslcert", List.of("cert-new")));
        }
        for (int i = 20; i < 30; i++) {
            simulator().state().putHost(ZONE, host(i), HostCertificate.deployed("sslcert", List.of("cert-old-b")));
        }
        return input;
    }

    @Test
    void doneHostsAreSkippedOldCertificatesNeverMixAndSilentHostsFailVerification() {
        Path input = partlyRotatedZone();
        simulator().silence(host(12));
        simulator().silence(host(25));

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        List<CallRecord> modify = simulator().callLog().records(MODIFY);
        assertThat(modify).hasSize(2).allSatisfy(call -> assertThat(call.succeeded()).isTrue());
        assertThat(modify.stream().flatMap(call -> call.hosts().stream()))
                .doesNotContainAnyElementsOf(IntStream.range(0, 10).mapToObj(LiveStateIT::host).toList())
                .hasSize(20);
        Map<String, Map<String, String>> rows = byHost(dir.resolve("live.results.csv"));
        for (int i = 0; i < 30; i++) {
            Map<String, String> row = rows.get(host(i));
            if (i < 10) {
                assertThat(row).containsEntry("status", "SUCCEEDED").containsEntry("error_message", "unchanged")
                        .containsEntry("attempts", "0");
            } else if (i == 12 || i == 25) {
                assertThat(row).containsEntry("status", "FAILED").containsEntry("error_code", "VerificationFailed")
                        .containsEntry("attempts", "1");
            } else {
                assertThat(row).as(host(i)).containsEntry("status", "SUCCEEDED").containsEntry("attempts", "1");
            }
        }
        assertThat(rows.get(host(12)).get("error_message"))
                .isEqualTo("shows sslcert cert-old-" + ZONE + " (deployed), expected sslcert cert-new");
        assertThat(rows.get(host(25)).get("error_message"))
                .isEqualTo("shows sslcert cert-old-b (deployed), expected sslcert cert-new");
        assertThat(result.out()).contains("VerificationFailed").contains("DescribeAccelerationDomains");
    }

    @Test
    void aHostTheZoneDoesNotListFailsWithoutACall() {
        Path input = csv(dir, "ghost.csv", "zone_id,host,mode,cert_ids",
                ZONE + ",a.example.com,sslcert,cert-new", ZONE + ",b.example.com,sslcert,cert-new");
        simulatorSeededWith(input, b -> b);
        simulator().state().clear();
        simulator().state().putHost(ZONE, "a.example.com", HostCertificate.deployed("sslcert", List.of("cert-old")));
        simulator().state().putCertificate(new io.certrotator.simulator.Certificate("cert-new",
                java.util.Set.of("*.example.com"), java.time.Instant.parse("2099-01-01T00:00:00Z")));

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(simulator().callLog().records(MODIFY)).singleElement()
                .satisfies(call -> assertThat(call.hosts()).containsExactly("a.example.com"));
        assertThat(byHost(dir.resolve("ghost.results.csv")).get("b.example.com"))
                .containsEntry("status", "FAILED").containsEntry("error_code", "ResourceUnavailable.HostNotFound")
                .containsEntry("attempts", "0");
    }

    @Test
    void aSecondRunOverARotatedEstateWithANewInputOnlyReads() throws IOException {
        Path input = partlyRotatedZone();
        assertThat(rotate(input).exitCode()).isZero();
        simulator().callLog().clear();

        List<String> reordered = new ArrayList<>(Files.readAllLines(input).subList(1, 31));
        Collections.reverse(reordered);
        reordered.add(0, "zone_id,host,mode,cert_ids");
        Path again = csv(dir, "again.csv", reordered);
        Rotator.Result result = rotate(again);

        assertThat(result.exitCode()).isZero();
        assertThat(simulator().callLog().records(MODIFY)).isEmpty();
        assertThat(simulator().callLog().records(DESCRIBE)).as("30 hosts in the zone: one page").hasSize(1);
        assertThat(report(dir.resolve("again.results.csv")).values()).hasSize(30).allSatisfy(row ->
                assertThat(row).containsEntry("status", "SUCCEEDED").containsEntry("error_message", "unchanged"));
    }

    @Test
    void aZoneOfMoreThan200HostsIsReadPageByPageAndItsCallsStartWithTheFirstPage() {
        Path input = csv(dir, "big.csv", hostsOnOneCertificate(ZONE, "cert-new", 1050, LiveStateIT::host));
        simulatorSeededWith(input, b -> b);
        simulator().silence(host(1049));

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        List<CallRecord> modify = simulator().callLog().records(MODIFY);
        assertThat(modify).hasSize(11);
        long firstModify = modify.stream().mapToLong(CallRecord::arrivalNanos).min().orElseThrow();
        List<CallRecord> describe = simulator().callLog().records(DESCRIBE);
        // 6 pages to plan, 6 to read back, then the silent host alone by name. The first page's 200 hosts fill two
        // calls of 100, which go while the zone is still being read: well before its sixth page (five spacings on),
        // even on a busy machine.
        assertThat(describe.stream().filter(call -> call.arrivalNanos() < firstModify)).hasSizeBetween(1, 5);
        assertThat(describe).hasSizeBetween(13, 30);
        Map<String, Map<String, String>> rows = byHost(dir.resolve("big.results.csv"));
        assertThat(rows.get(host(1049))).containsEntry("error_code", "VerificationFailed");
        assertThat(rows.values().stream().filter(r -> r.get("status").equals("SUCCEEDED"))).hasSize(1049);
        assertThat(result.out()).contains("reads: ");
    }

    @Test
    void aZoneIsReadBackPageByPageOnceEveryCallOfItIsAnswered() {
        Path input = csv(dir, "pages.csv", hostsOnOneCertificate(ZONE, "cert-new", 450, LiveStateIT::host));
        simulatorSeededWith(input, b -> b);
        // the call for hosts 400-449 (the third page) is answered for good only after two retries
        simulator().failFirstCalls(host(449), 2);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isZero();
        long lastModify = simulator().callLog().records(MODIFY).stream().mapToLong(CallRecord::arrivalNanos).max()
                .orElseThrow();
        List<CallRecord> describe = simulator().callLog().records(DESCRIBE);
        // 3 pages to plan; the 3 pages read back after the zone's last answer
        assertThat(describe.stream().filter(call -> call.arrivalNanos() < lastModify)).hasSize(3);
        assertThat(describe).hasSize(6);
        assertThat(report(dir.resolve("pages.results.csv")).values()).hasSize(450)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aHostThatMovedToAnotherPageBeforeItsReadBackIsStillFound() {
        Path input = csv(dir, "moved.csv", hostsOnOneCertificate(ZONE, "cert-new", 450, LiveStateIT::host));
        AtomicInteger modifyCalls = new AtomicInteger();
        simulatorSeededWith(input, b -> b.onCall(call -> {
            // once every page has been read for planning: a new host listed first moves each page's last host on
            if (call.action().equals(MODIFY) && modifyCalls.incrementAndGet() == 4) {
                simulator().state().putHost(ZONE, "a-new.example.com", HostCertificate.deployed("sslcert", List.of()));
            }
        }));

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(report(dir.resolve("moved.results.csv")).values()).hasSize(450)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        // 3 pages to plan, 3 to read back: those now list 451 hosts, the moved ones included
        assertThat(simulator().callLog().records(DESCRIBE)).hasSize(6);
    }

    @Test
    void describeFailuresAreRetriedLikeModifyFailures() {
        Path input = csv(dir, "flaky.csv", hostsOnOneCertificate(ZONE, "cert-new", 60, LiveStateIT::host));
        AtomicInteger calls = new AtomicInteger();
        // the zone's state is read first, as is; then the first two DescribeAccelerationDomains calls fail
        simulatorSeededWith(input, b -> b.onCall(call -> {
            if (call.action().equals("DescribeZones")) {
                simulator().faults(Faults.NONE.withTransientErrorRate(1));
            } else if (calls.incrementAndGet() == 2) {
                simulator().faults(Faults.NONE);
            }
        }));

        Rotator.Result result = rotate(input, "--max-hosts-per-call=10");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(simulator().callLog().records(DESCRIBE)).hasSize(4).extracting(CallRecord::succeeded)
                .containsExactly(false, false, true, true);
        assertThat(simulator().callLog().records(MODIFY)).hasSize(6);
        assertThat(report(dir.resolve("flaky.results.csv")).values()).hasSize(60)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aFatalDescribeErrorStopsTheRunBeforeAnyModify() {
        Path input = csv(dir, "fatal.csv", hostsOnOneCertificate(ZONE, "cert-new", 10, LiveStateIT::host));
        simulatorSeededWith(input, b -> b);
        simulator().revokeCredentials(SECRET_ID);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("AuthFailure");
        assertThat(simulator().callLog().records(MODIFY)).isEmpty();
        assertThat(report(dir.resolve("fatal.results.csv")).values())
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
    }

    @Test
    void noVerifySendsNoDescribeAfterTheCalls() {
        Path input = partlyRotatedZone();
        simulator().silence(host(12));

        Rotator.Result result = rotate(input, "--no-verify");

        assertThat(result.exitCode()).isZero();
        long firstModify = simulator().callLog().records(MODIFY).stream().mapToLong(CallRecord::arrivalNanos).min()
                .orElseThrow();
        assertThat(simulator().callLog().records(DESCRIBE)).isNotEmpty()
                .allSatisfy(call -> assertThat(call.arrivalNanos()).isLessThan(firstModify));
        assertThat(byHost(dir.resolve("live.results.csv")).get(host(12))).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void aDryRunPlansOnlyTheHostsNotDoneYet() {
        Path input = partlyRotatedZone();

        Rotator.Result result = rotate(input, "--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("live state: 10 host(s) already on their target, 0 not in their zone")
                .contains("20 host(s) in 1 target(s) -> 2 call(s)");
        assertThat(simulator().callLog().records(MODIFY)).isEmpty();
    }
}
