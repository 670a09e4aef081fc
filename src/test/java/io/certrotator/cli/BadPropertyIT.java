package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cert-rotator.* property that cannot be used or does not exist stops the start: exit 2, one line naming it. */
class BadPropertyIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--cert-rotator.concurrency=0                 | cert-rotator.concurrency=0: must be between 1 and 1000",
            "--cert-rotator.progress-interval=banana      | cert-rotator.progress-interval=banana: expected a duration"
                    + " such as 500ms, 5s or 2m",
            "--cert-rotator.retry.max-attempts=0          | cert-rotator.retry.max-attempts=0: must be between 1 and 100",
            "--cert-rotator.concurency=8                  | cert-rotator.concurency: no such property",
            "--cert-rotator.progress-interval=10ms        | cert-rotator.progress-interval=10ms: must be longer than"
                    + " or equal to 100 millis",
            "--cert-rotator.call-timeout=5                | cert-rotator.call-timeout=5: must be longer than or equal"
                    + " to 1 second (a number alone counts milliseconds: write 5s for seconds)"})
    void aBadPropertyIsExitTwoNamingItAndItsAllowedValues(String property, String message) throws IOException {
        Path input = Files.write(dir.resolve("input.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-prop1,a.example.com,sslcert,cert-p1"));

        ConsoleCapture run = ConsoleCapture.of(() -> CertRotatorApplication.run("--input=" + input, "--simulate",
                "--cert-rotator.home=" + dir.resolve("home"), property));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        List<String> errors = run.err().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("cert-rotator rotate: " + message);
        assertThat(errors.get(1)).isEqualTo("see: java -jar cert-rotator.jar rotate --help");
        assertThat(run.all()).doesNotContain("the run stopped", "check the --spring", "Exception");
        assertThat(dir.resolve("input.results.csv")).doesNotExist();
    }
}
