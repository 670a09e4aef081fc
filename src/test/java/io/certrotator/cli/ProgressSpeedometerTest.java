package io.certrotator.cli;

import io.certrotator.results.RowStatus;
import io.certrotator.results.RowTally;
import io.certrotator.results.StatusCounts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressSpeedometerTest {

    private static final long SECOND = 1_000_000_000L;

    private static RowTally.Snapshot snapshot(long succeeded, long pending, long calls) {
        return new RowTally.Snapshot(new StatusCounts(Map.of(RowStatus.SUCCEEDED, succeeded, RowStatus.PENDING, pending)),
                calls);
    }

    @Test
    void theEtaIsWhatIsPendingAtTheRecentPace() {
        ProgressSpeedometer speedometer = new ProgressSpeedometer();
        speedometer.sample(snapshot(0, 1000, 0), 0);

        ProgressFigures figures = speedometer.sample(snapshot(100, 900, 20), 5 * SECOND);

        assertThat(figures.rowsPerSecond()).isEqualTo(20);
        assertThat(figures.callsPerSecond()).isEqualTo(4);
        assertThat(figures.eta()).contains(Duration.ofSeconds(45));
        assertThat(figures.describe()).isEqualTo(
                "100/1000 rows done (100 succeeded, 0 failed, 0 invalid), 900 pending, 4.0 calls/s, ETA 45s");
    }

    @Test
    void thePaceForgetsWhatIsOlderThanTheWindow() {
        ProgressSpeedometer speedometer = new ProgressSpeedometer();
        speedometer.sample(snapshot(0, 1000, 0), 0);
        speedometer.sample(snapshot(900, 100, 900), 10 * SECOND);
        speedometer.sample(snapshot(900, 100, 900), 40 * SECOND);

        ProgressFigures figures = speedometer.sample(snapshot(910, 90, 910), 45 * SECOND);

        assertThat(figures.rowsPerSecond()).isEqualTo(2);
    }

    @Test
    void noEtaBeforeAnythingIsDecided() {
        ProgressSpeedometer speedometer = new ProgressSpeedometer();

        assertThat(speedometer.sample(snapshot(0, 10, 0), 0).eta()).isEmpty();
        assertThat(speedometer.sample(snapshot(0, 10, 0), SECOND).describe()).endsWith("ETA unknown");
    }
}
