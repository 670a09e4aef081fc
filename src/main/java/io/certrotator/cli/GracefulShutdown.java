package io.certrotator.cli;

import io.certrotator.config.CertRotatorProperties;
import io.certrotator.job.JobStop;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * SIGTERM or Ctrl-C during a run (a cron timeout, {@code systemctl stop}, Kubernetes): no new calls, the calls
 * in flight get {@code cert-rotator.shutdown-grace} to answer and be recorded, the report is written, and the
 * run ends as any stopped run does, with exit code 1, so that the same command resumes. During the input's load,
 * the load stops at once, keeping what it committed ({@link JobStop}).
 * <p>
 * The signal reaches it through {@link ProcessSignals}, instead of starting the JVM's shutdown: shutdown hooks run side
 * by side, and H2's own (which {@code AUTO_SERVER} cannot turn off) would close the database under the answers still
 * being recorded. A signal that came while the context started stops the command before its runner
 * ({@link StoppedBeforeStart}). A second signal, or a run that does not end in time, halts at once; rows not
 * recorded stay PENDING.
 * <p>
 * A command that only reads the estate (inventory, plan) registers a {@link ReadStop}: the signal abandons the read.
 * One that changes nothing (history, report, a dry run) registers a {@link StopAtOnce}, or is a dry run: it ends at once.
 */
@Component
class GracefulShutdown implements ApplicationListener<SpringApplicationEvent> {

    /** Beyond the grace period, for the job to end and the report to be written. */
    private static final Duration TO_WRITE_THE_REPORT = Duration.ofSeconds(15);

    private final ProcessSignals signals;
    private final JobStop jobStop;
    private final ObjectProvider<ReadStop> readStop;
    private final ObjectProvider<StopAtOnce> stopAtOnce;
    private final ObjectProvider<RotateOptions> rotateOptions;
    private final Duration grace;
    private Thread watchdog;

    @Autowired
    GracefulShutdown(JobStop jobStop, ObjectProvider<ReadStop> readStop, ObjectProvider<StopAtOnce> stopAtOnce,
                     ObjectProvider<RotateOptions> rotateOptions, CertRotatorProperties properties) {
        this(ProcessSignals.PROCESS, jobStop, readStop, stopAtOnce, rotateOptions, properties);
    }

    /** With signals of its own rather than the process's (tests). */
    GracefulShutdown(ProcessSignals signals, JobStop jobStop, ObjectProvider<ReadStop> readStop,
                     ObjectProvider<StopAtOnce> stopAtOnce, ObjectProvider<RotateOptions> rotateOptions,
                     CertRotatorProperties properties) {
        this.signals = signals;
        this.jobStop = jobStop;
        this.readStop = readStop;
        this.stopAtOnce = stopAtOnce;
        this.rotateOptions = rotateOptions;
        this.grace = properties.shutdownGrace();
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationStartedEvent) {
            signals.handTo(this::onSignal).ifPresent(signal -> {
                throw new StoppedBeforeStart(signal);
            });
        } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            signals.takeBack();
            endWatch();
        }
    }

    private synchronized void endWatch() {
        if (watchdog != null) {
            watchdog.interrupt();
        }
    }

    private synchronized void onSignal(String signal) {
        StopAtOnce atOnce = stopAtOnce.getIfAvailable(() -> {
            RotateOptions options = rotateOptions.getIfAvailable();
            return options != null && options.dryRun() ? StopAtOnce.DRY_RUN : null;
        });
        if (atOnce != null) {
            signals.end(atOnce.line(signal));
            return;
        }
        ReadStop read = readStop.getIfAvailable();
        if (read != null) {
            read.stop("stopped by " + signal);
        } else {
            System.err.println("cert-rotator: " + signal + ": " + jobStop.stop("stopped by " + signal, grace));
        }
        watchdog = new Thread(this::haltIfStillRunning, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void haltIfStillRunning() {
        try {
            Thread.sleep(grace.plus(TO_WRITE_THE_REPORT).toMillis());
        } catch (InterruptedException ended) {
            return;
        }
        System.err.println("cert-rotator: the run did not end in time; rows not recorded stay PENDING");
        Runtime.getRuntime().halt(ExitCodes.STOPPED);
    }

    /** A signal came while the context started: it closes, and the command ends before its runner has begun. */
    static final class StoppedBeforeStart extends RuntimeException {

        private final String signal;

        StoppedBeforeStart(String signal) {
            super("stopped by " + signal, null, false, false);
            this.signal = signal;
        }

        String signal() {
            return signal;
        }
    }
}
