package io.certrotator.job;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.plan.HostGrouper;
import io.certrotator.results.PendingRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Plans each zone from its live state: takes the pending rows (ordered by zone), and when a zone's rows are all in,
 * reads the hosts' current configuration, settles the rows that need no call (already on the target, or not in
 * the zone), and groups the rest by target and current configuration. A zone whose state cannot be read is
 * grouped by target only: the calls still go, and a call the API refuses for mixed hosts is split.
 */
final class ZonePlanner implements Consumer<PendingRow> {

    private static final Logger log = LoggerFactory.getLogger(ZonePlanner.class);
    private static final String UNKNOWN = "?";

    private final LiveStateReader reader;
    private final GroupOutcomeRecorder recorder;
    private final HostGrouper grouper;
    private final RotationDispatcher dispatcher;
    private final List<PendingRow> zoneRows = new ArrayList<>();

    ZonePlanner(LiveStateReader reader, GroupOutcomeRecorder recorder, HostGrouper grouper,
                RotationDispatcher dispatcher) {
        this.reader = reader;
        this.recorder = recorder;
        this.grouper = grouper;
        this.dispatcher = dispatcher;
    }

    @Override
    public void accept(PendingRow row) {
        if (!zoneRows.isEmpty() && !zoneRows.get(0).zoneId().equals(row.zoneId())) {
            flush();
        }
        zoneRows.add(row);
    }

    /** Plans the zone being read, if any; call once after the last row. */
    void flush() {
        if (zoneRows.isEmpty()) {
            return;
        }
        String zoneId = zoneRows.get(0).zoneId();
        Map<String, HostConfig> live = liveState(zoneId);
        List<PendingRow> unchanged = new ArrayList<>();
        List<PendingRow> notListed = new ArrayList<>();
        for (PendingRow row : zoneRows) {
            HostConfig config = live == null ? null : live.get(row.host());
            if (live != null && config == null) {
                notListed.add(row);
            } else if (config != null && config.towards(row.mode(), row.certIds()) == HostConfig.Progress.DONE) {
                unchanged.add(row);
            } else {
                grouper.add(row, config == null ? UNKNOWN : config.key());
            }
        }
        zoneRows.clear();
        if (!unchanged.isEmpty()) {
            recorder.unchanged(unchanged);
        }
        if (!notListed.isEmpty()) {
            recorder.notListed(notListed);
        }
        grouper.flush();
        dispatcher.seal(zoneId);
    }

    /** The zone's live state, or null when it cannot be read; a fatal refusal stops the run. */
    private Map<String, HostConfig> liveState(String zoneId) {
        try {
            return reader.read(zoneId, zoneRows.stream().map(PendingRow::host).toList(), dispatcher).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DescribeFailed failed && failed.fatal()) {
                dispatcher.stop(RotationDispatcher.refusal(failed.error()));
                throw new RotateTasklet.StopReading();
            }
            if (dispatcher.stopped()) {
                throw new RotateTasklet.StopReading();
            }
            log.warn("{}: cannot read the live state ({}); rotating without it", zoneId, e.getCause().getMessage());
            return null;
        }
    }
}
