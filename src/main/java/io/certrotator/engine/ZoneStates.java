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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The state of the run's zones, read with DescribeZones in batches of 20 zones in the order the zones are rotated:
 * a zone's batch is read when the first of its zones asks, and the next batch with it, so that the zones after it
 * find theirs read. One call per 20 zones, each batch read at most once. A batch that cannot be read leaves its
 * zones without a state: they are rotated as if active, and the ModifyHostsCertificate answers decide.
 */
final class ZoneStates {

    private static final Logger log = LoggerFactory.getLogger(ZoneStates.class);

    private final ZoneStateReader reader;
    private final Executor executor;
    private final List<List<String>> batches;
    private final Map<String, Integer> batchOf = new HashMap<>();
    private final Map<Integer, CompletableFuture<Map<String, ZoneState>>> reads = new HashMap<>();

    /** @param zoneIds the zones with pending rows, in the order they are rotated */
    ZoneStates(ZoneStateReader reader, Executor executor, List<String> zoneIds) {
        this.reader = reader;
        this.executor = executor;
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
        if (batch == null) {
            return Optional.empty();
        }
        CompletableFuture<Map<String, ZoneState>> states = batch(batch);
        batch(batch + 1);
        try {
            return Optional.ofNullable(states.get().get(zoneId)).flatMap(ZoneState::refusal);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            return Optional.empty();
        }
    }

    private synchronized CompletableFuture<Map<String, ZoneState>> batch(int batch) {
        if (batch >= batches.size()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return reads.computeIfAbsent(batch, b -> {
            List<String> ids = batches.get(batch);
            CompletableFuture<Map<String, ZoneState>> read = new CompletableFuture<>();
            executor.execute(() -> {
                try {
                    read.complete(reader.read(ids));
                } catch (DescribeFailed failed) {
                    String zones = ids.size() == 1 ? "zone " + ids.get(0)
                            : ids.size() + " zones (" + ids.get(0) + ", ...)";
                    log.warn("cannot read the state of {}: {}; rotating without it", zones, failed.getMessage());
                    read.completeExceptionally(failed);
                } catch (InterruptedException | RuntimeException e) {
                    read.completeExceptionally(e);
                }
            });
            return read;
        });
    }
}
