package io.certrotator.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged command in a JVM with too small a heap for its input. */
class OutOfMemoryIT {

    @TempDir
    Path dir;

    @Test
    void runningOutOfMemoryIsOneLineSayingHowToGiveMoreAndExitOne() throws Exception {
        Path input = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(input)) {
            out.write("zone_id,host,mode,cert_ids\n");
            for (int i = 0; i < 600_000; i++) {
                out.write("zone-big" + i % 97 + ",h" + i + ".big.example.com,sslcert,cert-big" + i / 2 + "\n");
            }
        }

        ChildRun run = ChildRun.start(List.of("-Xmx40m"), dir.resolve("home"), "AKIDoutofmemory", "secret",
                "--input=" + input, "--dry-run", "--endpoint=http://127.0.0.1:9");

        assertThat(run.exitCode(180)).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsOnlyOnce("the JVM ran out of memory")
                .contains("JAVA_OPTS=-Xmx1g jobs/rotate.sh", "java -Xmx1g -jar")
                .doesNotContain("cannot start", "--spring");
    }
}
