package io.certrotator.cli;

import io.certrotator.edgeone.TemporaryCredentialsFile;
import io.certrotator.edgeone.TemporaryCredentialsFile.Temporary;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.ErrorCodes;
import io.certrotator.simulator.SimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
    @RegisterExtension
    final TemporaryCredentialsFile credentials = new TemporaryCredentialsFile();

    @TempDir
    Path dir;

    @BeforeEach
    void temporaryCredentialsWhoseTokenExpires() {
        PlannedEstate.seed(sim.simulator().state());
        refused.set(false);
        Temporary expiring = credentials.expiring();
        Temporary renewed = credentials.renewed();
        sim.simulator().putCredentials(expiring.secretId(), expiring.secretKey(), expiring.token());
        sim.simulator().putCredentials(renewed.secretId(), renewed.secretKey(), renewed.token());
        sim.simulator().expireSessionTokenAfter(expiring.token(), CALLS_BEFORE_EXPIRY);
    }

    @AfterEach
    void noRenewal() {
        atFirstRefusal = () -> { };
    }

    private ConsoleCapture inventory(int port) {
        return ConsoleCapture.of(() -> InventoryCommand.run(null, "inventory", "--endpoint=http://127.0.0.1:" + port,
                "--profile=" + TemporaryCredentialsFile.PROFILE, "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off"));
    }

    @Test
    void aSessionTokenThatExpiresDuringTheReadIsRenewedFromTheCredentialsFile() {
        atFirstRefusal = credentials::renew;

        ConsoleCapture run = inventory(sim.port());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(run.out()).contains("hosts: 7 in 4 zones (0 not readable)");
        List<CallRecord> calls = sim.callLog().records();
        assertThat(calls).filteredOn(call -> call.outcome().equals(ErrorCodes.TOKEN_FAILURE)).isNotEmpty();
        assertThat(calls).filteredOn(call -> credentials.renewed().token().equals(call.sessionToken())).isNotEmpty()
                .allSatisfy(call -> assertThat(call.succeeded()).isTrue());
    }

    @Test
    void aSessionTokenThatExpiresWithNoRenewedOneSaysHowToRenewIt() {
        sim.simulator().expireSessionTokenAfter(credentials.expiring().token(), 0);

        ConsoleCapture run = inventory(sim.port());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
        assertThat(run.err()).contains("cannot list the zones: the session token has expired or is not valid ("
                + ErrorCodes.TOKEN_FAILURE + ")", "renew the temporary credentials").doesNotContain("\tat ");
    }

    @Test
    void aClockMoreThanFiveMinutesOffTheApisSaysByAboutHowMuch() {
        Temporary expiring = credentials.expiring();
        try (EdgeOneSimulator late = EdgeOneSimulator.builder()
                .credentials(expiring.secretId(), expiring.secretKey(), expiring.token())
                .clockOffset(Duration.ofMinutes(7)).build().start()) {
            PlannedEstate.seed(late.state());

            ConsoleCapture run = inventory(late.port());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.STOPPED);
            assertThat(run.err()).contains("cannot list the zones: this machine's clock is about 7 minutes behind "
                    + "the API's (" + ErrorCodes.SIGNATURE_EXPIRE, "sync it (NTP, chrony)");
        }
    }
}
