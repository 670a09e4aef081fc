package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.CertRotatorApplication;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.HostCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run leaves a run's results alone and plans the run's calls, against the simulator (real HTTP). */
class DryRunIT {

    private static final String MODIFY = "ModifyHostsCertificate";
    private static final String SECRET_ID = "AKIDdryruntest";
    private static final String SECRET_KEY = "dry-run-test-secret-key-1a2b3c";
    private static final Pattern PLANNED_CALLS = Pattern.compile("-> (\\d+) call\\(s\\)");

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
        ConsoleCapture withoutCredentials = run(input, "--dry-run", "--profile=none-such");

        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(dryRun.out()).contains("dry run: nothing sent").doesNotContain("report:");
        assertThat(withoutCredentials.exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
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
