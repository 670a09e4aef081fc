package io.certrotator.estate;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DescribeCertificates;
import io.certrotator.edgeone.DescribeZones;
import io.certrotator.edgeone.EdgeOneEndpoint;
import io.certrotator.edgeone.Pacers;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.Faults;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.ZoneProfile;
import io.certrotator.simulator.ZoneStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The estate read over real HTTP from the simulator, EdgeOne and the SSL service both. */
class EstateReaderIT {

    static final Credential CREDENTIAL = new Credential("AKIDestatetest", "estate-test-secret");
    static final Instant EXPIRY = Instant.parse("2030-06-01T00:00:00Z");
    static EdgeOneSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = EdgeOneSimulator.builder().credentials(CREDENTIAL.getSecretId(), CREDENTIAL.getSecretKey())
                .build().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.resetFaults();
        simulator.state().clear();
        simulator.callLog().clear();
    }

    private static EstateSnapshot read(ZoneSelection selection) {
        ApiAccess access = new ApiAccess(EdgeOneEndpoint.loopback(simulator.port()), CREDENTIAL, Duration.ofSeconds(5));
        return new EstateReader(access, Pacers.local(), RetryPolicy.DEFAULT, 10).read(selection);
    }

    /**
     * The calls of the action, less those refused for rate: a refusal, when the simulator in this JVM stamps arrivals
     * late on a busy machine, is tried again, and the page is counted once.
     */
    private static long calls(String action) {
        return simulator.callLog().count(call -> call.action().equals(action)
                && !call.outcome().equals(ErrorCodes.RATE_LIMIT_EXCEEDED));
    }

    private static void host(String zoneId, String host, String... certIds) {
        simulator.state().putHost(zoneId, host, HostCertificate.deployed("sslcert", List.of(certIds)));
    }

    private static void certificate(String certId, String algorithm) {
        simulator.state().putCertificate(new Certificate(certId, Set.of(certId + ".example.com"),
                Instant.parse("2025-06-01T00:00:00Z"), EXPIRY, algorithm, "alias of " + certId, Certificate.ISSUED));
    }

    @Test
    void everyPageIsReadWithOneCallPerPageOfEachListing() {
        EdgeOneState state = simulator.state();
        IntStream.range(0, 101).forEach(z -> host(String.format("zone-p%03d", z), "h.z" + z + ".example.com", "cert-0000"));
        IntStream.range(0, 200).forEach(h -> host("zone-p000", "x" + h + ".example.com", "cert-0001"));
        IntStream.range(0, 1001).forEach(c -> certificate(String.format("cert-%04d", c), "RSA 2048"));

        EstateSnapshot snapshot = read(ZoneSelection.ALL);

        assertThat(snapshot.zones()).hasSize(101);
        assertThat(snapshot.hosts()).hasSize(301);
        assertThat(snapshot.certificates()).hasSize(1001);
        assertThat(snapshot.unreadableZones()).isEmpty();
        assertThat(snapshot.certificatesMissing()).isEmpty();
        assertThat(calls(DescribeZones.ACTION)).isEqualTo(2);
        assertThat(calls(DescribeAccelerationDomains.ACTION)).isEqualTo(100 + 2);
        assertThat(calls(DescribeCertificates.ACTION)).isEqualTo(2);
        assertThat(simulator.callLog().records()).filteredOn(call -> !call.succeeded())
                .extracting(CallRecord::outcome).isSubsetOf(ErrorCodes.RATE_LIMIT_EXCEEDED);
        assertThat(state.hostCount()).isEqualTo(snapshot.hosts().size());
    }

    @Test
    void zonesHostsAndCertificatesCarryWhatTheApisShow() {
        EdgeOneState state = simulator.state();
        state.setZoneProfile("zone-full1", new ZoneProfile("example.com", "full", "active", false));
        state.setZoneStatus("zone-full1", ZoneStatus.PAUSED);
        host("zone-full1", "www.example.com", "cert-rsa", "cert-ecc");
        state.setDomainStatus("zone-full1", "www.example.com", "process");
        certificate("cert-rsa", "RSA 2048");
        certificate("cert-ecc", "ECC 256");

        EstateSnapshot snapshot = read(ZoneSelection.ALL);

        assertThat(snapshot.zones()).containsExactly(
                new ZoneRecord("zone-full1", "example.com", "full", "active", "paused", true));
        HostRecord host = snapshot.hosts().get(0);
        assertThat(host.domainStatus()).isEqualTo("process");
        assertThat(host.mode()).isEqualTo("sslcert");
        assertThat(host.certificates()).extracting(DeployedCertificate::certId, DeployedCertificate::signAlgo,
                DeployedCertificate::status).containsExactly(
                        tuple("cert-rsa", "RSA 2048", "deployed"),
                        tuple("cert-ecc", "ECC 256", "deployed"));
        CertificateRecord ecc = snapshot.certificate("cert-ecc").orElseThrow();
        assertThat(ecc.encryptAlgorithm()).isEqualTo("ECC 256");
        assertThat(ecc.alias()).isEqualTo("alias of cert-ecc");
        assertThat(ecc.domain()).isEqualTo("cert-ecc.example.com");
        assertThat(ecc.subjectAltNames()).containsExactly("cert-ecc.example.com");
        assertThat(ecc.status()).isEqualTo(Certificate.ISSUED);
        assertThat(ecc.certificateType()).isEqualTo("SVR");
    }

    @Test
    void expiryIsReadFromBothEdgeOneFormsAndFromTheSslServicesBeijingTime() {
        List<String> certIds = List.of("cert-a", "cert-b", "cert-c", "cert-d");
        certIds.forEach(id -> certificate(id, "RSA 2048"));
        host("zone-t1", "t.example.com", certIds.toArray(String[]::new));
        assertThat(simulator.state().certificates()).extracting(Certificate::expireTimeText)
                .anyMatch(text -> text.endsWith("Z")).anyMatch(text -> text.endsWith("+00:00"));

        EstateSnapshot snapshot = read(ZoneSelection.ALL);

        assertThat(snapshot.hosts().get(0).certificates()).extracting(DeployedCertificate::expiresAt)
                .containsOnly(Optional.of(EXPIRY));
        assertThat(snapshot.certificates().values()).allSatisfy(cert -> {
            assertThat(cert.notAfter()).contains(EXPIRY);
            assertThat(cert.notBefore()).contains(Instant.parse("2025-06-01T00:00:00Z"));
        });
    }

    @Test
    void aPagesZoneAndAnUnauthorizedZoneAreNotReadableWhileTheOthersAreRead() {
        EdgeOneState state = simulator.state();
        host("zone-ok1", "a.example.com", "cert-a");
        host("zone-pages1", "p.example.com", "cert-a");
        state.setZoneProfile("zone-pages1", new ZoneProfile("pages.example.com", "pages", "active", false));
        host("zone-cam1", "c.example.com", "cert-a");
        state.setZoneProfile("zone-cam1", new ZoneProfile("cam.example.com", "partial", "active", true));

        EstateSnapshot snapshot = read(ZoneSelection.ALL);

        assertThat(snapshot.zones()).extracting(ZoneRecord::zoneId).containsExactly("zone-cam1", "zone-ok1",
                "zone-pages1");
        assertThat(snapshot.hosts()).extracting(HostRecord::host).containsExactly("a.example.com");
        assertThat(snapshot.unreadableZones()).containsOnlyKeys("zone-cam1", "zone-pages1");
        assertThat(snapshot.unreadableZones().values()).extracting(ReadFailure::code)
                .containsOnly(ErrorCodes.UNAUTHORIZED_ZONE);
        assertThat(calls(DescribeAccelerationDomains.ACTION)).isEqualTo(3);
    }

    @Test
    void aRefusedCertificateListingLeavesTheHostsAndTheirCertificateIdsWithTheDetailsMarkedMissing() {
        host("zone-s1", "s.example.com", "cert-a");
        certificate("cert-a", "RSA 2048");
        simulator.refuseCertificateListing(ErrorCodes.CAM_UNAUTHORIZED);

        EstateSnapshot snapshot = read(ZoneSelection.ALL);

        assertThat(snapshot.hosts()).singleElement().satisfies(host ->
                assertThat(host.certificates()).extracting(DeployedCertificate::certId).containsExactly("cert-a"));
        assertThat(snapshot.certificates()).isEmpty();
        assertThat(snapshot.certificatesMissing()).hasValueSatisfying(failure ->
                assertThat(failure.code()).isEqualTo(ErrorCodes.CAM_UNAUTHORIZED));
        assertThat(calls(DescribeCertificates.ACTION)).isEqualTo(1);
    }

    @Test
    void aZoneFilterNamingAnUnknownZoneReportsItAndReadsTheOthers() {
        host("zone-k1", "k.example.com", "cert-a");
        host("zone-k2", "l.example.com", "cert-a");

        EstateSnapshot snapshot = read(new ZoneSelection(List.of("zone-k1", "zone-nope1"), List.of("k2.example.com",
                "nope.example.com")));

        assertThat(snapshot.zones()).extracting(ZoneRecord::zoneId).containsExactly("zone-k1", "zone-k2");
        assertThat(snapshot.unknownZones()).containsExactly("zone-nope1", "nope.example.com");
        assertThat(snapshot.hosts()).extracting(HostRecord::host).containsExactly("k.example.com", "l.example.com");
        assertThat(simulator.callLog().records(DescribeZones.ACTION)).extracting(CallRecord::succeeded)
                .containsExactly(true, true);
    }

    @Test
    void aZoneNamedByIdAndByNameIsReadOnce() {
        host("zone-k1", "k.example.com", "cert-a");

        EstateSnapshot snapshot = read(new ZoneSelection(List.of("zone-k1"), List.of("k1.example.com")));

        assertThat(snapshot.zones()).extracting(ZoneRecord::zoneId).containsExactly("zone-k1");
        assertThat(snapshot.hosts()).hasSize(1);
        assertThat(calls(DescribeAccelerationDomains.ACTION)).isEqualTo(1);
    }

    @Test
    void progressCountsTheAnsweredCallsTheZonesTheHostsAndTheCertificates() {
        host("zone-g1", "a.example.com", "cert-a");
        host("zone-g1", "b.example.com", "cert-a");
        host("zone-g2", "c.example.com", "cert-a");
        certificate("cert-a", "RSA 2048");
        EstateReadProgress progress = new EstateReadProgress();

        ApiAccess access = new ApiAccess(EdgeOneEndpoint.loopback(simulator.port()), CREDENTIAL, Duration.ofSeconds(5));
        new EstateReader(access, Pacers.local(), RetryPolicy.DEFAULT, 10).read(ZoneSelection.ALL, progress);

        assertThat(progress.figures()).isEqualTo(new EstateReadProgress.Figures(1 + 2 + 1, 0, 2, 2, 3, 1));
    }

    @Test
    void progressCountsACallBeingRetriedAsSentAndUnderWayBeforeAnyAnswer() throws InterruptedException {
        simulator.faults(Faults.NONE.withTransientErrorRate(1));
        EstateReadProgress progress = new EstateReadProgress();
        ApiAccess access = new ApiAccess(EdgeOneEndpoint.loopback(simulator.port()), CREDENTIAL, Duration.ofSeconds(5));
        CompletableFuture<EstateSnapshot> read = CompletableFuture.supplyAsync(() -> new EstateReader(access,
                Pacers.local(), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1)), 10)
                .read(ZoneSelection.ALL, progress));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (calls(DescribeZones.ACTION) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(calls(DescribeZones.ACTION)).as("DescribeZones tried again").isGreaterThanOrEqualTo(2);

        String described = progress.figures().describe();

        // the zones' first page and the certificates' first page, both refused "try again later" so far
        assertThat(described).isEqualTo("0/0 zones read, 0 hosts, 0 certificates, 2 calls (2 under way)");
        assertThatThrownBy(read::join).hasCauseInstanceOf(EstateReadException.class);
    }

    @Test
    void zonesThatCannotBeListedStopTheReadWithTheApisCode() {
        host("zone-k1", "k.example.com", "cert-a");
        simulator.revokeCredentials(CREDENTIAL.getSecretId());

        assertThatThrownBy(() -> read(ZoneSelection.ALL)).isInstanceOfSatisfying(EstateReadException.class,
                e -> assertThat(e.failure().code()).isEqualTo(ErrorCodes.SECRET_ID_NOT_FOUND));
    }
}
