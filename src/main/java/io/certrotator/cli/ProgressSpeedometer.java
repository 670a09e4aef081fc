package io.certrotator.cli;

import io.certrotator.results.RowTally;

import java.time.Duration;
import java.util.ArrayDeque;

/** Rates over the last {@link #WINDOW} of samples, so the ETA follows the current pace, not the whole run's. */
final class ProgressSpeedometer {

    static final Duration WINDOW = Duration.ofSeconds(30);

    private record Sample(long nanos, long done, long calls) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    ProgressFigures sample(RowTally.Snapshot now, long nanos) {
        Sample latest = new Sample(nanos, now.done(), now.decidingCalls());
        samples.addLast(latest);
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > WINDOW.toNanos()) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        double seconds = (latest.nanos() - oldest.nanos()) / 1e9;
        if (seconds <= 0) {
            return new ProgressFigures(now, 0, 0);
        }
        return new ProgressFigures(now, (latest.done() - oldest.done()) / seconds,
                (latest.calls() - oldest.calls()) / seconds);
    }
}
