package io.certrotator.cli;

import io.certrotator.config.CertRotatorProperties;
import io.certrotator.job.JobStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** What SIGTERM does to each kind of command once its runner runs: only a rotation waits for calls in flight. */
class GracefulShutdownTest {

    private static final SpringApplication APPLICATION = new SpringApplication();
    private static final CertRotatorProperties PROPERTIES = new CertRotatorProperties(Path.of("home"),
            Duration.ofSeconds(5), 48, Duration.ofSeconds(30), Duration.ofSeconds(10), 5,
            new CertRotatorProperties.Retry(6, Duration.ofSeconds(2), Duration.ofSeconds(30)),
            new CertRotatorProperties.Verify(Duration.ofSeconds(60)));

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final ProcessSignals signals = new ProcessSignals(new PrintStream(err, true, StandardCharsets.UTF_8),
            halts::add);
    private final JobStop jobStop = mock(JobStop.class);
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private GracefulShutdown shutdown;

    /** The runner's command is done: its watchdog, if a signal started one, ends. */
    @AfterEach
    void runnerDone() {
        shutdown.onApplicationEvent(new ApplicationReadyEvent(APPLICATION, new String[0], null, Duration.ZERO));
    }

    private void runnerRunning() {
        shutdown = new GracefulShutdown(signals, jobStop, beans.getBeanProvider(ReadStop.class),
                beans.getBeanProvider(StopAtOnce.class), beans.getBeanProvider(RotateOptions.class), PROPERTIES);
        signals.opening();
        shutdown.onApplicationEvent(new ApplicationStartedEvent(APPLICATION, new String[0], null, Duration.ZERO));
    }

    @Test
    void historyEndsAtOnceWithItsOwnLineNotTheRotationsWaitForCallsInFlight() {
        beans.registerSingleton("stopAtOnce", new StopAtOnce("history", "nothing was changed"));
        runnerRunning();

        signals.received("TERM");

        assertThat(halts).containsExactly(ExitCodes.STOPPED);
        assertThat(err()).isEqualTo("cert-rotator history: stopped by SIGTERM: nothing was changed\n");
        verify(jobStop, never()).stop(anyString(), any());
    }

    @Test
    void aDryRunEndsAtOnceSayingNothingWasSent() {
        beans.registerSingleton("rotateOptions", options(true));
        runnerRunning();

        signals.received("INT");

        assertThat(halts).containsExactly(ExitCodes.STOPPED);
        assertThat(err()).isEqualTo("cert-rotator rotate --dry-run: stopped by SIGINT: nothing was sent\n");
        verify(jobStop, never()).stop(anyString(), any());
    }

    @Test
    void aRotationStopsItsJobAndGivesTheCallsInFlightTheGrace() {
        beans.registerSingleton("rotateOptions", options(false));
        runnerRunning();

        signals.received("TERM");

        assertThat(halts).isEmpty();
        verify(jobStop).stop("stopped by SIGTERM", Duration.ofSeconds(10));
    }

    private static RotateOptions options(boolean dryRun) {
        return new RotateOptions(Path.of("rotation.csv"), Path.of("rotation.results.csv"), dryRun, Optional.empty(),
                "https://teo.tencentcloudapi.com", 20, 100, false, false, false, ProgressMode.OFF, null);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
