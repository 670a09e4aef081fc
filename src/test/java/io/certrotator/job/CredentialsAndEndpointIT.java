package io.certrotator.job;

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
import java.util.stream.Stream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the signing credential and the endpoint come from, through the command line. Every run here names
 * its credential (a profile) or is refused before signing, so none can reach the CVM role's metadata server.
 */
class CredentialsAndEndpointIT {

    static final String SECRET_ID = "AKIDprofiletest";
    static final String SECRET_KEY = "profile-secret-key-77aa";

    @TempDir
    Path dir;
    @RegisterExtension
    final UserHome userHome = new UserHome();
    EdgeOneSimulator simulator;
    Path input;

    @BeforeEach
    void setUp() throws IOException {
        input = csv(dir, "rotation.csv", hostsOnOneCertificate("zone-prof1", "cert-p", 2, i -> "h" + i + ".example.com"));
        simulator = EdgeOneSimulator.builder().credentials(SECRET_ID, SECRET_KEY).seedCsv(input).build().start();
        Files.writeString(userHome.credentialsFile(), "[default]\nsecret_id = AKIDnotthisone\nsecret_key = wrong\n\n"
                + "[rotation]\nsecret_id = " + SECRET_ID + "\nsecret_key = " + SECRET_KEY + "\n");
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    private Rotator.Result rotate(String... options) {
        String[] args = Stream.concat(Stream.of("--input=" + input), Stream.of(options)).toArray(String[]::new);
        return new Rotator(dir.resolve("home")).run(null, args);
    }

    @Test
    void aNamedProfileFromTheCredentialsFileSignsTheCalls() {
        Rotator.Result result = rotate("--endpoint=http://127.0.0.1:" + simulator.port(), "--profile=rotation");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(simulator.callLog().records("ModifyHostsCertificate")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.succeeded()).isTrue());
        assertThat(result.out() + result.err()).doesNotContain(SECRET_KEY);
    }

    @Test
    void aProfileThatIsNotInTheFileIsExitTwoAndNothingIsSent() {
        Rotator.Result result = rotate("--endpoint=http://127.0.0.1:" + simulator.port(), "--profile=staging");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[staging]").doesNotContain(SECRET_KEY).doesNotContain("Exception");
        assertThat(simulator.callLog().records()).isEmpty();
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsExitTwoBeforeAnyTraffic() {
        Rotator.Result result = rotate("--endpoint=http://teo.cert-rotator.invalid:8080", "--profile=rotation");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("only allowed to a loopback address");
        assertThat(simulator.callLog().records()).isEmpty();
        assertThat(dir.resolve("home")).doesNotExist();
    }
}
