package io.certrotator.cli;

import io.certrotator.CertRotatorApplication;
import io.certrotator.edgeone.UserHome;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The credentials file of the chain ({@code ~/.tencentcloud/credentials}, under a user home of each test's own): what
 * the run refuses, its dry run refuses too, in the same one line and exit 2, since a rehearsal that passes promises a
 * run that starts. Every command here is pointed at the simulator, which must see no call.
 */
class CredentialsFileIT {

    private static final String SECRET_ID = "AKIDcredentialsfile";
    private static final String SECRET_KEY = "credentials-file-secret-key-9f8e";

    @TempDir
    Path dir;
    @RegisterExtension
    final UserHome userHome = new UserHome();
    Path input;
    Path credentials;
    EdgeOneSimulator simulator;

    @BeforeEach
    void setUp() throws IOException {
        input = Files.write(dir.resolve("rotation.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone-credfile1,a.example.com,sslcert,cert-cf1"));
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        credentials = userHome.credentialsFile();
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    private ConsoleCapture rotate(String... options) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--endpoint=http://127.0.0.1:" + simulator.port(),
                "--progress=off", "--cert-rotator.home=" + dir.resolve("home")));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> CertRotatorApplication.run(args.toArray(String[]::new)));
    }

    /** Without a profile the chain reads the file only when the environment holds no credentials. */
    private static void assumeNoCredentialsInTheEnvironment() {
        assumeThat(System.getenv("TENCENTCLOUD_SECRET_ID")).as("credentials in the environment").isNull();
    }

    @Test
    void aDryRunWithoutCredentialsPlansWithoutTheLiveState() {
        assumeNoCredentialsInTheEnvironment();

        ConsoleCapture dryRun = rotate("--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(dryRun.out()).contains("live state not read (no credentials)", "dry run: nothing sent");
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void aResumeWithoutCredentialsSaysSoWithoutFirstAnnouncingThatItResumes() throws IOException {
        assumeNoCredentialsInTheEnvironment();
        Files.writeString(credentials, "[default]\nsecret_id = " + SECRET_ID + "\nsecret_key = a-wrong-key\n");
        assertThat(rotate().exitCode()).isEqualTo(ExitCodes.STOPPED);
        Files.delete(credentials);

        ConsoleCapture resumed = rotate();

        assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(resumed.err()).contains("no Tencent Cloud credentials");
        assertThat(resumed.out()).doesNotContain("resuming run");
    }

    @Test
    void aProfileThatIsNotInTheFileStopsTheDryRunAsTheRun() throws IOException {
        Files.writeString(credentials, "[default]\nsecret_id = " + SECRET_ID + "\nsecret_key = " + SECRET_KEY + "\n");

        ConsoleCapture dryRun = rotate("--dry-run", "--profile=staging");
        ConsoleCapture run = rotate("--profile=staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.err()).isEqualTo(run.err()).contains("no profile [staging]").hasLineCount(1);
        assertThat(dryRun.out()).doesNotContain("rows:");
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void aProfileWithoutItsSecretKeyStopsTheDryRunAsTheRun() throws IOException {
        Files.writeString(credentials, "[rotation]\nsecret_id = " + SECRET_ID + "\n");

        ConsoleCapture dryRun = rotate("--dry-run", "--profile=rotation");
        ConsoleCapture run = rotate("--profile=rotation");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.err()).isEqualTo(run.err()).contains("no profile [rotation] with secret_id and secret_key")
                .hasLineCount(1);
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void aCredentialsFileThatIsNotTextStopsTheDryRunAsTheRunInOneLine() throws IOException {
        assumeNoCredentialsInTheEnvironment();
        Files.write(credentials, new byte[]{'g', 'a', 'r', 'b', 'a', 'g', 'e', 0, (byte) 0xff, '[', '[', '\n'});

        assertTheDryRunStopsAsTheRunWithOneLine("cannot read the credentials file " + credentials
                + ": it is not UTF-8 text");
    }

    @Test
    void aCredentialsFileThatIsAFolderStopsTheDryRunAsTheRunInOneLine() throws IOException {
        assumeNoCredentialsInTheEnvironment();
        Files.createDirectory(credentials);

        assertTheDryRunStopsAsTheRunWithOneLine("cannot read the credentials file " + credentials
                + ": it is a folder, not a file");
    }

    /** The dry run rehearses the run: it stops as the run does, exit 2 with the same one line, and sends nothing. */
    private void assertTheDryRunStopsAsTheRunWithOneLine(String reason) {
        ConsoleCapture dryRun = rotate("--dry-run");
        ConsoleCapture run = rotate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dryRun.err()).isEqualTo(run.err()).contains(reason).hasLineCount(1);
        assertThat(dryRun.out()).doesNotContain("rows:");
        assertThat(simulator.callLog().records()).isEmpty();
    }
}
