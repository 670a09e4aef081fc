package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run leaves a run's results alone, against the built-in simulator (--simulate, real HTTP). */
class DryRunIT {

    @TempDir
    Path dir;

    private ConsoleCapture run(Path input, String... options) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> CertRotatorApplication.run(args.toArray(String[]::new)));
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
