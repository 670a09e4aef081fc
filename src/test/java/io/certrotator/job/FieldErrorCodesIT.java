package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.ErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error codes users of EdgeOne report from the field, answered by the simulator over HTTP: the ambiguous
 * {@code FailedOperation(.ModifyFailed)}, every {@code OperationDenied.Hosts*Inconsistency}, and the certificate
 * refusals that need the operator.
 */
class FieldErrorCodesIT {

    static final Credential CREDENTIAL = new Credential("AKIDfielderrorcodes", "field-error-codes-secret-key-4242");
    static final String MODIFY = "ModifyHostsCertificate";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    /** Hosts h0 to h{count - 1} of one zone, moving from the seeded old certificate to cert-new; the simulator started. */
    private Path hosts(String zoneId, int count) {
        Path input = csv(dir, zoneId + ".csv", hostsOnOneCertificate(zoneId, "cert-new", count,
                i -> "h" + i + ".example.com"));
        api.seededWith(input);
        return input;
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    private Rotator.Result rotate(Path input) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption());
    }

    private List<CallRecord> modifyCalls() {
        return simulator().callLog().records(MODIFY);
    }

    private List<CallRecord> modifyCallsNaming(String host) {
        return modifyCalls().stream().filter(call -> call.hosts().contains(host)).toList();
    }

    private static Map<String, Map<String, String>> byHost(Path input) {
        String name = input.getFileName().toString().replaceFirst("\\.csv$", ".results.csv");
        return report(input.resolveSibling(name)).values().stream()
                .collect(Collectors.toMap(row -> row.get("host"), row -> row));
    }

    private List<String> certIdsOf(String zoneId, String host) {
        return simulator().hostCertificate(zoneId, host).orElseThrow().certIds();
    }

    @Test
    void aModifyFailedThatAppliedAnywayIsSucceededAfterTheReadBackWithoutAnotherCall() {
        Path input = hosts("zone-applied1", 3);
        for (int i = 0; i < 3; i++) {
            simulator().failFirstCallsAfterApplying("h" + i + ".example.com", 1, ErrorCodes.MODIFY_FAILED);
        }

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        CallRecord failed = modifyCalls().get(0);
        assertThat(modifyCalls()).as("the one call, answered ModifyFailed").singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo(ErrorCodes.MODIFY_FAILED));
        assertThat(byHost(input)).hasSize(3).allSatisfy((host, row) -> assertThat(row)
                .containsEntry("status", "SUCCEEDED").containsEntry("attempts", "1")
                .containsEntry("request_id", failed.requestId()));
    }

    @Test
    void afterAModifyFailedOnlyTheHostsThatDoNotShowTheTargetAreSentAgain() {
        Path input = hosts("zone-half1", 2);
        simulator().failFirstCallsAfterApplying("h0.example.com", 1, ErrorCodes.MODIFY_FAILED);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        assertThat(modifyCallsNaming("h0.example.com")).hasSize(1);
        assertThat(modifyCallsNaming("h1.example.com")).hasSize(2);
        Map<String, Map<String, String>> rows = byHost(input);
        assertThat(rows.get("h0.example.com")).containsEntry("status", "SUCCEEDED").containsEntry("attempts", "1");
        assertThat(rows.get("h1.example.com")).containsEntry("status", "SUCCEEDED").containsEntry("attempts", "2");
        assertThat(certIdsOf("zone-half1", "h1.example.com")).containsExactly("cert-new");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FailedOperation.ModifyFailed", "FailedOperation"})
    void anAmbiguousFailureThatDidNotApplySucceedsOnTheRetry(String code) {
        Path input = hosts("zone-retry1", 1);
        simulator().failFirstCalls("h0.example.com", 1, code);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        assertThat(modifyCalls()).extracting(CallRecord::outcome).containsExactly(code, CallRecord.OK);
        assertThat(byHost(input).get("h0.example.com")).containsEntry("status", "SUCCEEDED")
                .containsEntry("attempts", "2");
        assertThat(certIdsOf("zone-retry1", "h0.example.com")).containsExactly("cert-new");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FailedOperation.ModifyFailed", "FailedOperation"})
    void anAmbiguousFailureOnThreeAttemptsFailsTheRowWithTheCodeAndTheRequestIds(String code) {
        Path input = hosts("zone-stuck1", 1);
        simulator().failFirstCalls("h0.example.com", 100, code);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        List<CallRecord> calls = modifyCalls();
        assertThat(calls).hasSize(3).allSatisfy(call -> assertThat(call.outcome()).isEqualTo(code));
        assertThat(byHost(input).get("h0.example.com")).containsEntry("status", "FAILED")
                .containsEntry("error_code", code).containsEntry("attempts", "3")
                .containsEntry("request_id", calls.get(2).requestId())
                .hasEntrySatisfying("error_message", message -> assertThat(message)
                        .contains(calls.stream().map(CallRecord::requestId).toList()));
        assertThat(result.out()).containsPattern("1  " + Pattern.quote(code) + ": [^\\n]*request IDs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OperationDenied.HostsCertificateInconsistency",
            "OperationDenied.HostsClientCertificateInconsistency", "OperationDenied.HostsUpstreamCertificateInconsistency",
            "OperationDenied.HostsUpstreamCertificateVerifyInconsistency",
            "OperationDenied.HostsKeylessServerInconsistency"})
    void aHostsInconsistencySplitsTheCallSoOnlyTheInconsistentHostFails(String code) {
        Path input = hosts("zone-mixed1", 4);
        simulator().failFirstCalls("h2.example.com", 100, code);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(modifyCalls().get(0).hosts()).as("the first call names every host").hasSize(4);
        Map<String, Map<String, String>> rows = byHost(input);
        assertThat(rows.get("h2.example.com")).containsEntry("status", "FAILED").containsEntry("error_code", code);
        assertThat(certIdsOf("zone-mixed1", "h2.example.com")).containsExactly("cert-old-zone-mixed1");
        for (String good : List.of("h0.example.com", "h1.example.com", "h3.example.com")) {
            assertThat(rows.get(good)).containsEntry("status", "SUCCEEDED");
            assertThat(certIdsOf("zone-mixed1", good)).containsExactly("cert-new");
        }
    }

    @Test
    void certificatesEdgeOneRefusesFailTheirRowsAndTheSummaryAdvisesOnEach() {
        Path input = csv(dir, "refused.csv", "zone_id,host,mode,cert_ids",
                "zone-refused1,e0.example.com,sslcert,cert-expiring",
                "zone-refused1,e1.example.com,sslcert,cert-expiring",
                "zone-refused1,s0.example.com,sslcert,cert-short",
                "zone-refused1,s1.example.com,sslcert,cert-short");
        api.seededWith(input);
        simulator().failFirstCalls("e0.example.com", 100, "InvalidParameter.CertToExpire");
        simulator().failFirstCalls("s0.example.com", 100, "InvalidParameter.CertTooShortKeySize");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isEqualTo(3);
        Map<String, Map<String, String>> rows = byHost(input);
        assertThat(List.of("e0.example.com", "e1.example.com")).allSatisfy(host -> assertThat(rows.get(host))
                .containsEntry("status", "FAILED").containsEntry("error_code", "InvalidParameter.CertToExpire"));
        assertThat(List.of("s0.example.com", "s1.example.com")).allSatisfy(host -> assertThat(rows.get(host))
                .containsEntry("status", "FAILED").containsEntry("error_code", "InvalidParameter.CertTooShortKeySize"));
        assertThat(modifyCalls()).as("refused for good: no retry").hasSize(2);
        assertThat(result.out())
                .containsPattern("2  InvalidParameter\\.CertToExpire: the certificate expires too soon[^\\n]*renewed")
                .containsPattern("2  InvalidParameter\\.CertTooShortKeySize: the certificate's key is too short[^\\n]*"
                        + "RSA 2048");
    }
}
