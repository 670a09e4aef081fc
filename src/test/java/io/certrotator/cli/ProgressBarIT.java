package io.certrotator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The built jar on a pseudo-terminal (util-linux {@code script}) draws a live bar, then prints the summary. */
class ProgressBarIT {

    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final Path JAR = Path.of("target/cert-rotator.jar");

    @TempDir
    Path dir;

    @Test
    void aRunOnATerminalShowsTheBarAndEndsWithTheSummary() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (int i = 0; i < 60; i++) {
            lines.add("zone-bar1,h" + i + ".example.com,sslcert,cert-bar1");
        }
        Path input = Files.write(dir.resolve("bar.csv"), lines);
        String command = "java -jar " + JAR.toAbsolutePath() + " --input=" + input + " --simulate"
                + " --max-hosts-per-call=1 --cert-rotator.home=" + dir.resolve("home");

        Process process = new ProcessBuilder(SCRIPT.toString(), "-qec", command, "/dev/null")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("rotating", "60/60 rows", "calls/s").doesNotContain("progress: ");
        String afterTheBar = output.substring(output.lastIndexOf("rotating"));
        assertThat(afterTheBar).contains("rows: 60 total, 60 succeeded").contains("report: ");
        assertThat(output.stripTrailing()).endsWith(input.resolveSibling("bar.results.csv").toString());
    }
}
