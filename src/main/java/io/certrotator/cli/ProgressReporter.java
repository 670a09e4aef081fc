package io.certrotator.cli;

import io.certrotator.results.RowTally;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows progress while the job runs, from a daemon thread that reads the in-memory {@link RowTally}:
 * the job's threads never wait for it and no query is made, whatever the size of the run.
 */
final class ProgressReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final Duration BAR_REFRESH = Duration.ofMillis(500);

    private final RowTally tally;
    private final View view;
    private final ProgressSpeedometer speedometer = new ProgressSpeedometer();
    private final ProgressTimer timer;

    private ProgressReporter(RowTally tally, View view, Duration interval) {
        this.tally = tally;
        this.view = view;
        this.timer = new ProgressTimer("progress", interval, this::tick);
    }

    /** Starts showing progress, or returns a reporter that shows nothing for {@link ProgressMode#OFF}. */
    static ProgressReporter start(ProgressMode mode, RowTally tally, Duration logInterval) {
        return switch (mode) {
            case BAR -> new ProgressReporter(tally, new Bar(), BAR_REFRESH);
            case LOG -> new ProgressReporter(tally, new LogLines(), logInterval);
            case OFF -> new ProgressReporter(tally, new Nothing(), Duration.ofDays(1));
        };
    }

    private synchronized void tick() {
        try {
            view.show(speedometer.sample(tally.snapshot(), System.nanoTime()));
        } catch (RuntimeException e) {
            log.debug("progress display failed", e);
        }
    }

    /** Stops the thread and shows the final figures, so the summary that follows starts on a clean line. */
    @Override
    public void close() {
        timer.stop();
        synchronized (this) {
            view.close(speedometer.sample(tally.snapshot(), System.nanoTime()));
        }
    }

    private interface View {
        void show(ProgressFigures figures);

        void close(ProgressFigures last);
    }

    private static final class LogLines implements View {
        @Override
        public void show(ProgressFigures figures) {
            log.info("progress: {}", figures.describe());
        }

        @Override
        public void close(ProgressFigures last) {
            show(last);
        }
    }

    private static final class Bar implements View {
        private volatile Optional<Duration> eta = Optional.empty();
        private ProgressBar bar;

        @Override
        public void show(ProgressFigures figures) {
            eta = figures.eta();
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("rotating").setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                        .setUnit(" rows", 1).setInitialMax(figures.total()).setUpdateIntervalMillis(500)
                        .setEtaFunction(state -> eta).build();
            }
            bar.maxHint(figures.total());
            bar.stepTo(figures.done());
            bar.setExtraMessage(String.format(Locale.ROOT, "%.1f calls/s", figures.callsPerSecond()));
        }

        @Override
        public void close(ProgressFigures last) {
            show(last);
            bar.close();
        }
    }

    private static final class Nothing implements View {
        @Override
        public void show(ProgressFigures figures) {
        }

        @Override
        public void close(ProgressFigures last) {
        }
    }
}
