package io.certrotator.edgeone;

import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the state of some zones with DescribeZones: one call for up to {@link DescribeZones#MAX_FILTER_VALUES}
 * zones, by ID. The client paces every call; transient errors are retried after the policy's back-off.
 */
public final class ZoneStateReader {

    private final EdgeOneClient client;
    private final RetryPolicy retryPolicy;
    private final BackOffPause pause;

    public ZoneStateReader(EdgeOneClient client, RetryPolicy retryPolicy, BackOffPause pause) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.pause = pause;
    }

    /**
     * The state of each zone DescribeZones lists; a zone missing from the map is not in the account (or not visible
     * to these credentials).
     *
     * @throws DescribeFailed when the call's attempts run out or its error is not retried
     */
    public Map<String, ZoneState> read(List<String> zoneIds) throws InterruptedException {
        DescribeZones request = new DescribeZones(DescribeZones.ZONE_ID, zoneIds, 0);
        ApiResponse.Ok ok = RetriedCalls.call(client, DescribeZones.ACTION, request.parameters(), retryPolicy, pause);
        Map<String, ZoneState> states = new HashMap<>();
        for (JsonNode zone : ok.response().path("Zones")) {
            ZoneState state = ZoneState.of(zone);
            states.put(state.zoneId(), state);
        }
        return states;
    }

    /** DescribeZones calls sent so far, answered or not. */
    public long callsMade() {
        return client.callsMade();
    }
}
