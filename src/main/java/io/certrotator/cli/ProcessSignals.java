package io.certrotator.cli;

import sun.misc.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * SIGTERM and Ctrl-C from the JVM's start to its end: {@link #install} is the first thing main does. Left to the JVM,
 * a signal runs the shutdown hooks beside the command, and Spring's closes the job repository's connection pool under
 * a context still starting or a runner still using it: the process ended 143 or 130, saying nothing or "Failed to
 * obtain JDBC Connection".
 * <ul>
 * <li>Until a command starts a Spring context, nothing is open: a signal ends the process at once, with one line and
 * exit 1.</li>
 * <li>From then on the signal is kept for the command to end itself: a context not yet running its runner closes
 * and the command ends with one line and exit 1 ({@link CommandContext}); a runner has a stop of its own handed in
 * ({@link GracefulShutdown}), as has an upload in flight ({@link UploadCommand}). A signal once the work is done
 * changes nothing: the command is already ending with its exit code.</li>
 * <li>A second signal ends the process at once.</li>
 * </ul>
 * {@code simulate} handles the signals itself while it serves.
 */
public final class ProcessSignals {

    static final ProcessSignals PROCESS = new ProcessSignals(System.err, Runtime.getRuntime()::halt);

    private static final List<String> SIGNALS = List.of("TERM", "INT");
    /** A kept signal's command has this long to close its context and end: more is a database that does not answer. */
    private static final Duration TO_END = Duration.ofSeconds(25);

    private final PrintStream err;
    private final IntConsumer halt;
    private boolean opened;
    private Consumer<String> handedTo;
    private String received;

    ProcessSignals(PrintStream err, IntConsumer halt) {
        this.err = err;
        this.halt = halt;
    }

    /** Handles SIGTERM and SIGINT in this JVM, for good; a signal the JVM does not let us handle keeps its handling. */
    public static void install() {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> PROCESS.received(signal.getName()));
            } catch (IllegalArgumentException unavailable) {
                // ignored by whoever started the JVM (nohup, a background job of a script), or -Xrs
            }
        }
    }

    synchronized void received(String name) {
        if (received != null) {
            err.println("cert-rotator: SIG" + name + " again: stopping now");
            halt.accept(ExitCodes.STOPPED);
            return;
        }
        received = "SIG" + name;
        if (handedTo != null) {
            handedTo.accept(received);
        } else if (opened) {
            endIfStillRunningAfter(TO_END);
        } else {
            end("cert-rotator: stopped by " + received + " before anything was sent");
        }
    }

    /** A Spring context starts: from now on a signal is kept. Returns the signal ({@code SIGTERM}) if one came already. */
    synchronized Optional<String> opening() {
        opened = true;
        return Optional.ofNullable(received);
    }

    /**
     * The next signal goes to {@code stop}, by its name ({@code SIGTERM}), unless one came already: then this returns
     * it, for the caller to end.
     */
    synchronized Optional<String> handTo(Consumer<String> stop) {
        if (received != null) {
            return Optional.of(received);
        }
        handedTo = stop;
        return Optional.empty();
    }

    /** From now on a signal ends the process at once, exit 1, with the line made of its name. */
    synchronized void endWith(UnaryOperator<String> line) {
        handedTo = signal -> end(line.apply(signal));
    }

    /** Back to keeping the signal, once the runner that took it is done. */
    synchronized void takeBack() {
        handedTo = null;
    }

    /** Ends the process at once, exit 1, with {@code line}. */
    void end(String line) {
        err.println(line);
        err.flush();
        halt.accept(ExitCodes.STOPPED);
    }

    private void endIfStillRunningAfter(Duration time) {
        String signal = received;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(time.toMillis());
            } catch (InterruptedException ended) {
                return;
            }
            end("cert-rotator: stopped by " + signal + ", but not ended " + time.toSeconds() + " s later: stopping now");
        }, "signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
