package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.HostCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/** A host serving an RSA and an ECC certificate keeps both unless the row replaces both or allows dropping one. */
class CertificatePairsIT {

    static final Credential CREDENTIAL = new Credential("AKIDcertpairstest", "cert-pairs-secret-key-4242");
    static final String MODIFY = "ModifyHostsCertificate";
    static final String ZONE = "zone-pairs1";
    static final String PAIR = "pair.example.com";
    static final String SINGLE = "single.example.com";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    /** pair.example.com on cert-rsa + cert-ecc, single.example.com on cert-rsa alone; new RSA and ECC certificates. */
    private Path estate(String... rows) {
        Path input = csv(dir, "pairs.csv", Stream.concat(Stream.of("zone_id,host,mode,cert_ids"), Stream.of(rows))
                .toList());
        api.seededWith(input, b -> b);
        simulator().state().clear();
        certificate("cert-rsa", "RSA 2048");
        certificate("cert-ecc", "ECC 256");
        certificate("cert-rsa-new", "RSA 2048");
        certificate("cert-ecc-new", "ECC 256");
        simulator().state().putHost(ZONE, PAIR, HostCertificate.deployed("sslcert", List.of("cert-rsa", "cert-ecc")));
        simulator().state().putHost(ZONE, SINGLE, HostCertificate.deployed("sslcert", List.of("cert-rsa")));
        return input;
    }

    private void certificate(String certId, String algorithm) {
        simulator().state().putCertificate(new Certificate(certId, Set.of("*.example.com"),
                Certificate.DEFAULT_NOT_BEFORE, Instant.parse("2099-01-01T00:00:00Z"), algorithm, "", Certificate.ISSUED));
    }

    private Rotator.Result rotate(Path input, String... options) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption(),
                Stream.concat(Stream.of("--cert-rotator.verify.timeout=2s"), Stream.of(options)).toArray(String[]::new));
    }

    private Map<String, Map<String, String>> rowsByHost() {
        return report(dir.resolve("pairs.results.csv")).values().stream()
                .collect(Collectors.toMap(r -> r.get("host"), r -> r));
    }

    private List<String> modifiedHosts() {
        return simulator().callLog().records(MODIFY).stream().flatMap(call -> call.hosts().stream()).toList();
    }

    private List<String> certIdsOf(String host) {
        return simulator().state().host(ZONE, host).orElseThrow().certIds();
    }

    @Test
    void aRowNamingOnlyANewRsaCertificateForAnRsaAndEccHostFailsBeforeAnyCall() {
        Path input = estate(ZONE + "," + PAIR + ",sslcert,cert-rsa-new", ZONE + "," + SINGLE + ",sslcert,cert-rsa-new");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(3);
        assertThat(modifiedHosts()).containsExactly(SINGLE);
        assertThat(certIdsOf(PAIR)).containsExactly("cert-rsa", "cert-ecc");
        assertThat(rowsByHost().get(PAIR)).containsEntry("status", "FAILED")
                .containsEntry("error_code", "WouldDropCertificate").containsEntry("attempts", "0")
                .containsEntry("error_message", "would drop RSA certificate cert-rsa or ECC certificate cert-ecc:"
                        + " 1 new certificate(s) cannot replace 2 key types"
                        + " (keep them in cert_ids, or --allow-dropping-certificates)");
        assertThat(rowsByHost().get(SINGLE)).as("a plain RSA swap").containsEntry("status", "SUCCEEDED");
        assertThat(rowsByHost().get(PAIR)).containsEntry("previous_mode", "sslcert")
                .containsEntry("previous_cert_ids", "cert-rsa;cert-ecc");
        assertThat(result.out()).contains("WouldDropCertificate");
    }

    @Test
    void aRowDroppingTheEccCertificateItKeepsNoneOfIsNamedInTheMessage() {
        Path input = estate(ZONE + "," + PAIR + ",sslcert,cert-rsa");

        rotate(input);

        assertThat(modifiedHosts()).isEmpty();
        assertThat(rowsByHost().get(PAIR)).containsEntry("error_code", "WouldDropCertificate")
                .containsEntry("error_message",
                        "would drop ECC certificate cert-ecc (keep it in cert_ids, or --allow-dropping-certificates)");
    }

    @Test
    void allowDroppingCertificatesRotatesTheRowAndTheEccCertificateIsGone() {
        Path input = estate(ZONE + "," + PAIR + ",sslcert,cert-rsa-new");

        Rotator.Result result = rotate(input, "--allow-dropping-certificates");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(rowsByHost().get(PAIR)).containsEntry("status", "SUCCEEDED");
        assertThat(certIdsOf(PAIR)).containsExactly("cert-rsa-new");
    }

    @Test
    void aPairReplacedByANewPairSucceeds() {
        Path input = estate(ZONE + "," + PAIR + ",sslcert,cert-rsa-new;cert-ecc-new",
                ZONE + "," + SINGLE + ",sslcert,cert-rsa;cert-ecc-new");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(certIdsOf(PAIR)).containsExactlyInAnyOrder("cert-rsa-new", "cert-ecc-new");
        assertThat(certIdsOf(SINGLE)).containsExactlyInAnyOrder("cert-rsa", "cert-ecc-new");
    }

    @Test
    void theReportShowsWhatEachHostCarriedBefore() {
        Path input = estate(ZONE + "," + PAIR + ",sslcert,cert-ecc;cert-rsa", ZONE + "," + SINGLE + ",sslcert,cert-rsa-new",
                ZONE + ",ghost.example.com,sslcert,cert-rsa-new");

        rotate(input);

        Map<String, Map<String, String>> rows = rowsByHost();
        assertThat(rows.get(PAIR)).containsEntry("error_message", "unchanged")
                .containsEntry("previous_mode", "sslcert").containsEntry("previous_cert_ids", "cert-rsa;cert-ecc");
        assertThat(rows.get(SINGLE)).containsEntry("status", "SUCCEEDED")
                .containsEntry("previous_mode", "sslcert").containsEntry("previous_cert_ids", "cert-rsa");
        assertThat(certIdsOf(SINGLE)).containsExactly("cert-rsa-new");
        assertThat(rows.get("ghost.example.com")).containsEntry("error_code", "ResourceUnavailable.HostNotFound")
                .containsEntry("previous_mode", "").containsEntry("previous_cert_ids", "");
    }

    @Test
    void aRepositoryMadeBeforeThePreviousColumnsGainsThemOnTheNextStart() throws SQLException {
        Path input = estate(ZONE + "," + SINGLE + ",sslcert,cert-rsa-new");
        assertThat(rotate(input).exitCode()).isZero();
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + rotator.home.resolve("jobs")
                + ";AUTO_SERVER=TRUE", "sa", "")) {
            h2.createStatement().execute("ALTER TABLE CR_ROW DROP COLUMN PREVIOUS_MODE");
            h2.createStatement().execute("ALTER TABLE CR_ROW DROP COLUMN PREVIOUS_CERT_IDS");
        }
        Path next = csv(dir, "next.csv", "zone_id,host,mode,cert_ids", ZONE + "," + PAIR + ",sslcert,cert-rsa-new;cert-ecc");

        Rotator.Result result = rotate(next);

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(report(dir.resolve("next.results.csv")).values()).singleElement().satisfies(row ->
                assertThat(row).containsEntry("previous_cert_ids", "cert-rsa;cert-ecc"));
    }
}
