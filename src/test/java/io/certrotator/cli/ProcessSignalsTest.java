package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSignalsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final ProcessSignals signals = new ProcessSignals(new PrintStream(err, true, StandardCharsets.UTF_8),
            halts::add);

    @Test
    void aSignalBeforeAnythingIsOpenEndsAtOnceWithOneLineAndExit1() {
        signals.received("TERM");

        assertThat(halts).containsExactly(ExitCodes.STOPPED);
        assertThat(err()).isEqualTo("cert-rotator: stopped by SIGTERM before anything was sent\n");
    }

    @Test
    void aSignalWhileAContextStartsIsKeptForTheCommandToEnd() {
        assertThat(signals.opening()).isEmpty();

        signals.received("INT");

        assertThat(halts).isEmpty();
        assertThat(err()).isEmpty();
        assertThat(signals.handTo(signal -> { })).contains("SIGINT");
        assertThat(signals.opening()).contains("SIGINT");
    }

    @Test
    void aRunningCommandGetsTheSignalByName() {
        signals.opening();
        List<String> stops = new ArrayList<>();
        assertThat(signals.handTo(stops::add)).isEmpty();

        signals.received("TERM");

        assertThat(stops).containsExactly("SIGTERM");
        assertThat(halts).isEmpty();
    }

    @Test
    void aSignalOnceTheRunnerIsDoneIsKeptAgain() {
        signals.opening();
        List<String> stops = new ArrayList<>();
        signals.handTo(stops::add);
        signals.takeBack();

        signals.received("TERM");

        assertThat(stops).isEmpty();
        assertThat(halts).isEmpty();
    }

    @Test
    void anUploadInFlightEndsAtOnceWithItsLine() {
        signals.endWith(signal -> "cert-rotator upload: stopped by " + signal + " while uploading");

        signals.received("TERM");

        assertThat(halts).containsExactly(ExitCodes.STOPPED);
        assertThat(err()).isEqualTo("cert-rotator upload: stopped by SIGTERM while uploading\n");
    }

    @Test
    void aSecondSignalEndsAtOnce() {
        signals.opening();
        signals.received("TERM");

        signals.received("INT");

        assertThat(halts).containsExactly(ExitCodes.STOPPED);
        assertThat(err()).isEqualTo("cert-rotator: SIGINT again: stopping now\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
