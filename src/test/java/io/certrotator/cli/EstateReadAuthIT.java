package io.certrotator.cli;

import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.SimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estate read ({@code inventory}) under the credential rules the rotation follows: an expired session token is
 * read again from the credentials file, and a clock off the API's is named with by about how much. Over HTTP.
 */
class EstateReadAuthIT {

    private static final String TEMPORARY_ID = "AKIDtemporary1";
    private static final String TEMPORARY_KEY = "temporary-key-1";
    private static final String EXPIRING_TOKEN = "session-token-1";
    private static final String RENEWED_ID = "AKIDtemporary2";
    private static final String RENEWED_KEY = "temporary-key-2";
    private static final String RENEWED_TOKEN = "session-token-2";
    /** The zones and the certificates, then the first zone's hosts: the token expires with the read under way. */
    private static final int CALLS_BEFORE_EXPIRY = 2;
    private static final AtomicBoolean refused = new AtomicBoolean();
    /** What the renewing tool does when the API first refuses the token (before the refusal is answered). */
    private static volatile Runnable atFirstRefusal = () -> { };

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(builder -> builder.onCall(call -> {
        if (ErrorCodes.TOKEN_FAILURE.equals(call.outcome()) && refused.compareAndSet(false, true)) {
            atFirstRefusal.run();
        }
    }));

    @TempDir
    Path dir;
    private String userHome;

    @BeforeEach
    void temporaryCredentialsInTheProfileFile() throws IOException {
        PlannedEstate.seed(sim.simulator().state());
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(dir.resolve("user/.tencentcloud")).getParent().toString());
        refused.set(false);
        sim.simulator().putCredentials(TEMPORARY_ID, TEMPORARY_KEY, EXPIRING_TOKEN);
        sim.simulator().putCredentials(RENEWED_ID, RENEWED_KEY, RENEWED_TOKEN);
        sim.simulator().expireSessionTokenAfter(EXPIRING_TOKEN, CALLS_BEFORE_EXPIRY);
        profile(TEMPORARY_ID, TEMPORARY_KEY, EXPIRING_TOKEN);
    }

    @AfterEach
    void restoreUserHome() {
        System.setProperty("user.home", userHome);
        atFirstRefusal = () -> { };
    }

    /** The credentials file, as a tool that renews temporary credentials writes it. */
    private void profile(String secretId, String secretKey, String token) {
        try {
            Files.writeString(dir.resolve("user/.tencentcloud/credentials"), "[rotation]\nsecret_id = " + secretId
                    + "\nsecret_key = " + secretKey + "\ntoken = " + token + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsoleCapture inventory(int port) {
        return ConsoleCapture.of(() -> InventoryCommand.run(null, "inventory", "--endpoint=http://127.0.0.1:" + port,
                "--profile=rotation", "--cert-rotator.home=" + dir.resolve("home"), "--progress=off"));
    }

    @Test
    void aSessionTokenThatExpiresDuringTheReadIsRenewedFromTheCredentialsFile() {
        atFirstRefusal = () -> profile(RENEWED_ID, RENEWED_KEY, RENEWED_TOKEN);

        ConsoleCapture run = inventory(sim.port());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).contains("hosts: 7 in 4 zones (0 not readable)");
        List<CallRecord> calls = sim.callLog().records();
        assertThat(calls).filteredOn(call -> call.outcome().equals(ErrorCodes.TOKEN_FAILURE)).isNotEmpty();
        assertThat(calls).filteredOn(call -> RENEWED_TOKEN.equals(call.sessionToken())).isNotEmpty()
                .allSatisfy(call -> assertThat(call.succeeded()).isTrue());
    }

    @Test
    void aSessionTokenThatExpiresWithNoRenewedOneSaysHowToRenewIt() {
        sim.simulator().expireSessionTokenAfter(EXPIRING_TOKEN, 0);

        ConsoleCapture run = inventory(sim.port());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err()).contains("cannot list the zones: the session token has expired or is not valid ("
                + ErrorCodes.TOKEN_FAILURE + ")", "renew the temporary credentials").doesNotContain("\tat ");
    }

    @Test
    void aClockMoreThanFiveMinutesOffTheApisSaysByAboutHowMuch() {
        try (EdgeOneSimulator late = EdgeOneSimulator.builder().credentials(TEMPORARY_ID, TEMPORARY_KEY, EXPIRING_TOKEN)
                .clockOffset(Duration.ofMinutes(7)).build().start()) {
            PlannedEstate.seed(late.state());

            ConsoleCapture run = inventory(late.port());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
            assertThat(run.err()).contains("cannot list the zones: this machine's clock is about 7 minutes behind "
                    + "the API's (" + ErrorCodes.SIGNATURE_EXPIRE, "sync it (NTP, chrony)");
        }
    }
}
