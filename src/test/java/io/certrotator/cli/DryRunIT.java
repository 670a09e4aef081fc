package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.CertRotatorApplication;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.results.RowOutcome;
import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.ZoneStatus;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run leaves a run's results alone and plans the run's calls, against the simulator (real HTTP). */
class DryRunIT {

    private static final String MODIFY = "ModifyHostsCertificate";
    private static final String SECRET_ID = "AKIDdryruntest";
    private static final String SECRET_KEY = "dry-run-test-secret-key-1a2b3c";
    private static final Pattern PLANNED_CALLS = Pattern.compile("-> (\\d+) call\\(s\\)");
    private static final Pattern FAILING_BEFORE_CALL =
            Pattern.compile("(\\d+) row\\(s\\) would fail before any call \\((.*)\\)");

    @TempDir
    Path dir;
    EdgeOneSimulator simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private ConsoleCapture run(Path input, String... options) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> CertRotatorApplication.run(args.toArray(String[]::new)));
    }

    private ConsoleCapture runAgainstSimulator(Path input, String... options) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off", "--endpoint=http://127.0.0.1:" + simulator.port()));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> RotateCommand.run(new Credential(SECRET_ID, SECRET_KEY),
                args.toArray(String[]::new)));
    }

    private Path input() throws IOException {
        return Files.write(dir.resolve("rotation.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-dryrun1,a.example.com,sslcert,cert-dry1",
                "zone-dryrun1,b.example.com,sslcert,cert-dry1",
                "zone-dryrun1,c.example.com,eofreecert,"));
    }

    @Test
    void aDryRunOfAnInputThatRanLeavesItsReportByteForByte() throws IOException {
        Path input = input();
        Path report = dir.resolve("rotation.results.csv");
        assertThat(run(input, "--simulate").exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
        byte[] results = Files.readAllBytes(report);
        assertThat(new String(results)).contains("SUCCEEDED").doesNotContain("PENDING");

        ConsoleCapture dryRun = run(input, "--simulate", "--dry-run");

        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(dryRun.out()).contains("dry run: nothing sent").doesNotContain("report:");
        assertThat(Files.readAllBytes(report)).isEqualTo(results);
    }

    /**
     * Two zones, rows of one zone apart, certificate IDs in either order; one host already on its target and one on
     * another configuration than the rest of its zone (the same call may not change both).
     */
    @Test
    void theDryRunPlansAsManyCallsAsTheRunMakes() throws IOException {
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (int i = 0; i < 7; i++) {
            String certIds = i % 2 == 0 ? "cert-pa;cert-pb" : "cert-pb;cert-pa";
            lines.add("zone-plan1,h" + i + ".plan.example.com,sslcert," + certIds);
            lines.add("zone-plan2,h" + i + ".plan.example.com,sslcert,cert-pc");
        }
        lines.add("zone-plan1,free.plan.example.com,eofreecert,");
        Path input = Files.write(dir.resolve("planned.csv"), lines);
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        simulator.state().putHost("zone-plan1", "h0.plan.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-pb", "cert-pa")));
        simulator.state().putHost("zone-plan2", "h1.plan.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-old-zone-plan1")));

        ConsoleCapture dryRun = runAgainstSimulator(input, "--dry-run", "--max-hosts-per-call=2");
        Matcher planned = PLANNED_CALLS.matcher(dryRun.out());
        assertThat(planned.find()).as(dryRun.out()).isTrue();
        assertThat(simulator.callLog().records(MODIFY)).isEmpty();
        ConsoleCapture run = runAgainstSimulator(input, "--max-hosts-per-call=2");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.SUCCEEDED);
        // zone-plan1: ceil(6 / 2) + 1 (eofreecert); zone-plan2: ceil(6 / 2) + 1 (the host on another configuration)
        assertThat(simulator.callLog().records(MODIFY)).hasSize(8);
        assertThat(Long.parseLong(planned.group(1))).isEqualTo(simulator.callLog().records(MODIFY).size());
    }

    /**
     * A forbidden host, a paused zone, a row that would take the ECC certificate off its host and a host already on its
     * target, next to hosts whose calls go: the dry run plans the run's calls and predicts, row by row and by code, the
     * rows the run fails before any call.
     */
    @Test
    void theDryRunPredictsTheRowsTheRunFailsBeforeAnyCall() throws IOException {
        Path input = Files.write(dir.resolve("predicted.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-pred1,a.pred.example.com,sslcert,cert-new",
                "zone-pred1,b.pred.example.com,sslcert,cert-new",
                "zone-pred1,banned.pred.example.com,sslcert,cert-new",
                "zone-pred1,pair.pred.example.com,sslcert,cert-rsa",
                "zone-pred1,done.pred.example.com,sslcert,cert-new",
                "zone-pred2,c.pred.example.com,sslcert,cert-new",
                "zone-pred2,d.pred.example.com,sslcert,cert-new"));
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        simulator.state().setDomainStatus("zone-pred1", "banned.pred.example.com", "forbidden");
        certificate("cert-rsa", "RSA 2048");
        certificate("cert-ecc", "ECC 256");
        simulator.state().putHost("zone-pred1", "pair.pred.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-rsa", "cert-ecc")));
        simulator.state().putHost("zone-pred1", "done.pred.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-new")));
        simulator.state().setZoneStatus("zone-pred2", ZoneStatus.PAUSED);
        Path plan = dir.resolve("plan.csv");

        ConsoleCapture dryRun = runAgainstSimulator(input, "--dry-run", "--plan-output=" + plan);
        Matcher planned = PLANNED_CALLS.matcher(dryRun.out());
        Matcher failing = FAILING_BEFORE_CALL.matcher(dryRun.out());
        assertThat(planned.find() && failing.find()).as(dryRun.out()).isTrue();
        ConsoleCapture run = runAgainstSimulator(input);
        Path report = dir.resolve("predicted.results.csv");
        Map<Long, String> failedWithoutCall = settledBeforeAnyCall(report, "FAILED");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(Long.parseLong(planned.group(1))).isEqualTo(simulator.callLog().records(MODIFY).size());
        assertThat(failedWithoutCall.values()).containsExactlyInAnyOrder(StateRefusal.HOST_FORBIDDEN,
                RowOutcome.WOULD_DROP_CERTIFICATE, StateRefusal.ZONE_PAUSED, StateRefusal.ZONE_PAUSED);
        assertThat(settledBeforeAnyCall(plan, "FAILED")).isEqualTo(failedWithoutCall);
        assertThat(settledBeforeAnyCall(plan, "SUCCEEDED")).isEqualTo(settledBeforeAnyCall(report, "SUCCEEDED"))
                .hasSize(1);
        assertThat(Long.parseLong(failing.group(1))).isEqualTo(failedWithoutCall.size());
        assertThat(failing.group(2)).isEqualTo(failedWithoutCall.values().stream()
                .collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting())).entrySet().stream()
                .map(code -> code.getKey() + " " + code.getValue()).collect(Collectors.joining(", ")));
    }

    @Test
    void aDryRunWithAllowDroppingCertificatesPlansACallForARowThatWouldDropAKeyType() throws IOException {
        Path input = Files.write(dir.resolve("dropping.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-drop1,pair.drop.example.com,sslcert,cert-rsa"));
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        certificate("cert-rsa", "RSA 2048");
        certificate("cert-ecc", "ECC 256");
        simulator.state().putHost("zone-drop1", "pair.drop.example.com",
                HostCertificate.deployed("sslcert", List.of("cert-rsa", "cert-ecc")));

        ConsoleCapture refusing = runAgainstSimulator(input, "--dry-run");
        ConsoleCapture allowing = runAgainstSimulator(input, "--dry-run", "--allow-dropping-certificates");

        assertThat(refusing.out()).contains("1 row(s) would fail before any call (WouldDropCertificate 1)")
                .contains("-> 0 call(s)");
        assertThat(allowing.out()).doesNotContain("would fail before any call").contains("-> 1 call(s)");
    }

    @Test
    void aZoneWhoseStateCannotBeReadIsPlannedItsCallsAsTheRunSendsThem() throws IOException {
        Path input = Files.write(dir.resolve("unread.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-unread1,a.unread.example.com,sslcert,cert-new"));
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        simulator.state().setZoneStatus("zone-unread1", ZoneStatus.PAUSED);
        simulator.refuseZoneListing(ErrorCodes.UNAUTHORIZED_ZONE);

        ConsoleCapture dryRun = runAgainstSimulator(input, "--dry-run");
        Matcher planned = PLANNED_CALLS.matcher(dryRun.out());
        assertThat(planned.find()).as(dryRun.out()).isTrue();
        runAgainstSimulator(input);

        assertThat(dryRun.out()).containsPattern("1 zone\\(s\\) not read \\(.*\\): planned as active")
                .doesNotContain("would fail before any call");
        assertThat(Long.parseLong(planned.group(1))).isEqualTo(1).isEqualTo(simulator.callLog().records(MODIFY).size());
    }

    private void certificate(String certId, String algorithm) {
        simulator.state().putCertificate(new Certificate(certId, Set.of("*.example.com"),
                Certificate.DEFAULT_NOT_BEFORE, Instant.parse("2099-01-01T00:00:00Z"), algorithm, "", Certificate.ISSUED));
    }

    /** The rows of a report or plan with {@code status} and no attempt, by line: their error codes, or messages. */
    private static Map<Long, String> settledBeforeAnyCall(Path csv, String status) throws IOException {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            return parser.stream().filter(row -> row.get("status").equals(status) && row.get("attempts").equals("0"))
                    .collect(Collectors.toMap(row -> Long.parseLong(row.get("line")),
                            row -> row.get("error_code").isEmpty() ? row.get("error_message") : row.get("error_code")));
        }
    }

    @Test
    void aDryRunWritesItsPlanOnlyWhereAsked() throws IOException {
        Path input = input();
        Path plan = dir.resolve("plan.csv");

        ConsoleCapture dryRun = run(input, "--dry-run", "--plan-output=" + plan);

        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(dryRun.out()).contains("plan: " + plan);
        assertThat(Files.readAllLines(plan)).hasSize(4).first().asString().startsWith("line,zone_id,host,mode,cert_ids,status");
        assertThat(Files.readAllLines(plan).subList(1, 4)).allSatisfy(row -> assertThat(row).contains(",PENDING,"));
        assertThat(dir.resolve("rotation.results.csv")).doesNotExist();
    }

    @Test
    void aDryRunRefusesAPlanOutputItCouldNotWriteBeforeReadingTheInput() throws IOException {
        Path input = input();

        // Root writes a chmod 555 folder; no one can create a file in /proc.
        ConsoleCapture dryRun = run(input, "--dry-run", "--plan-output=/proc/self/plan.csv");

        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.err()).contains("cannot write the plan /proc/self/plan.csv: the folder /proc/self is not"
                + " writable").contains("give --plan-output=FILE");
        assertThat(dryRun.out()).doesNotContain("dry run: nothing sent");
    }
}
