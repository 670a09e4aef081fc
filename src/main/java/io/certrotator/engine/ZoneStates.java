package io.certrotator.engine;

import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.DescribeZones;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.edgeone.ZoneState;
import io.certrotator.edgeone.ZoneStateReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the run's zones, read with DescribeZones in batches of 20 zones, in the order the zones are started:
 * a batch is read when the run reaches the first of its zones, which is well ahead of the zones under way (the zone
 * workers' queue is between them). One call per 20 zones, each batch read once. A batch that cannot be read leaves
 * its zones without a state: they are rotated as if active, and the ModifyHostsCertificate answers decide; unless
 * the API is out of reach ({@link LostConnection}), which stops the run.
 * Asked by the one thread that starts the zones.
 */
final class ZoneStates {

    private static final Logger log = LoggerFactory.getLogger(ZoneStates.class);

    private final ZoneStateReader reader;
    private final RunStop stop;
    private final LostConnection lostConnection;
    private final List<List<String>> batches;
    private final Map<String, Integer> batchOf = new HashMap<>();
    private final Map<String, ZoneState> states = new HashMap<>();
    private int batchesRead;

    /** @param zoneIds the zones with pending rows, in the order they are started */
    ZoneStates(ZoneStateReader reader, List<String> zoneIds, RunStop stop, LostConnection lostConnection) {
        this.reader = reader;
        this.stop = stop;
        this.lostConnection = lostConnection;
        this.batches = DescribeZones.batches(zoneIds);
        for (int batch = 0; batch < batches.size(); batch++) {
            for (String zoneId : batches.get(batch)) {
                batchOf.put(zoneId, batch);
            }
        }
    }

    /** Why no call in the zone can succeed; empty when its calls should go, or its state is not known. */
    Optional<StateRefusal> refusal(String zoneId) throws InterruptedException {
        Integer batch = batchOf.get(zoneId);
        while (batch != null && batchesRead <= batch) {
            read(batches.get(batchesRead++));
        }
        return Optional.ofNullable(states.get(zoneId)).flatMap(ZoneState::refusal);
    }

    private void read(List<String> zoneIds) throws InterruptedException {
        try {
            states.putAll(reader.read(zoneIds));
        } catch (DescribeFailed failed) {
            // a fatal answer to DescribeZones alone (a policy without it) leaves the changes' answers to decide
            Optional<String> stops = lostConnection.stopReason(DescribeZones.ACTION, failed.error(), failed.lastTry());
            if (stops.isPresent()) {
                stop.stop(stops.get());
                return;
            }
            String zones = zoneIds.size() == 1 ? "zone " + zoneIds.get(0)
                    : zoneIds.size() + " zones (" + zoneIds.get(0) + ", ...)";
            log.warn("cannot read the state of {}: {}; rotating without it", zones, failed.getMessage());
        }
    }
}
