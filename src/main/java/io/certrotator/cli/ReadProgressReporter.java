package io.certrotator.cli;

import io.certrotator.estate.EstateReadProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Shows how far a read of the estate has got, as a rotation shows its rows ({@link ProgressReporter}): a bar of zones
 * read on a terminal, a log line every {@code cert-rotator.progress-interval} otherwise, from a daemon thread that
 * reads the in-memory counters.
 */
final class ReadProgressReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadProgressReporter.class);
    private static final Duration BAR_REFRESH = Duration.ofMillis(500);

    private final EstateReadProgress progress;
    private final Consumer<EstateReadProgress.Figures> view;
    private final Runnable closeView;
    private final ProgressTimer timer;

    private ReadProgressReporter(EstateReadProgress progress, Consumer<EstateReadProgress.Figures> view,
                                 Runnable closeView, Duration interval) {
        this.progress = progress;
        this.view = view;
        this.closeView = closeView;
        this.timer = new ProgressTimer("read-progress", interval, this::tick);
    }

    static ReadProgressReporter start(ProgressMode mode, EstateReadProgress progress, Duration logInterval) {
        return switch (mode) {
            case BAR -> bar(progress);
            case LOG -> new ReadProgressReporter(progress, figures -> log.info("reading: {}", figures.describe()),
                    () -> { }, logInterval);
            case OFF -> new ReadProgressReporter(progress, figures -> { }, () -> { }, Duration.ofDays(1));
        };
    }

    private static ReadProgressReporter bar(EstateReadProgress progress) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName("reading")
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" zones", 1).setInitialMax(0).setUpdateIntervalMillis((int) BAR_REFRESH.toMillis()).build();
        return new ReadProgressReporter(progress, figures -> {
            bar.maxHint(figures.zonesListed());
            bar.stepTo(figures.zonesRead());
            bar.setExtraMessage(figures.hosts() + " hosts, " + figures.describeCalls());
        }, bar::close, BAR_REFRESH);
    }

    private synchronized void tick() {
        try {
            view.accept(progress.figures());
        } catch (RuntimeException e) {
            log.debug("progress display failed", e);
        }
    }

    /** Stops the thread and shows the last figures, so that what follows starts on a clean line. */
    @Override
    public void close() {
        timer.stop();
        tick();
        synchronized (this) {
            closeView.run();
        }
    }
}
