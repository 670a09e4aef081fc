package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The line a resumed run begins with, whichever execution it is. The API is never reached: each run stops at once. */
class ResumeLineIT {

    private static final Credential CREDENTIAL = new Credential("AKIDresumeline", "resume-line-secret-key-5a1c");

    @TempDir
    Path dir;

    private ConsoleCapture rotate(Path input) {
        return ConsoleCapture.of(() -> RotateCommand.run(CREDENTIAL, "--input=" + input,
                "--cert-rotator.home=" + dir.resolve("home"), "--progress=off", "--endpoint=http://127.0.0.1:1",
                "--cert-rotator.retry.max-attempts=1"));
    }

    @Test
    void aRunResumedASecondTimeSaysItsRowsArePendingNotThatItsLoadGoesOn() throws IOException {
        Path input = Files.write(dir.resolve("rotation.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-resume1,a.example.com,sslcert,cert-resume1"));
        assertThat(rotate(input).exitCode()).isEqualTo(ExitCodes.STOPPED);
        assertThat(rotate(input).out()).contains("resuming run 1: 1 row(s) still pending");

        ConsoleCapture third = rotate(input);

        assertThat(third.exitCode()).as(third.all()).isEqualTo(ExitCodes.STOPPED);
        assertThat(third.out()).contains("resuming run 1: 1 row(s) still pending").doesNotContain("load goes on");
    }
}
