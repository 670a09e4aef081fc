package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the credentials may act on the zones: a zone refused with {@code UnauthorizedOperation*} (a CAM policy
 * that leaves it out, an EdgeOne Pages zone) fails its rows, gets no more calls, and the other zones go on, unless
 * the first {@value #FIRST_ZONES} zones the run started (all its zones, when it has fewer) are all refused: then the
 * credentials lack the action everywhere, and the run stops with every row of those zones still PENDING, to resume
 * once the policy is fixed. Until the first zones are decided, a refused zone's rows wait (PENDING) for that decision.
 * A zone counts as allowed at its first accepted change, or when it ends without a refusal.
 */
final class ZoneAccess {

    static final int FIRST_ZONES = 3;

    private enum Decision { UNDECIDED, GO_ON, STOP }

    private final RunStop stop;
    /** The first zones started, in start order, each with whether it was refused (null: not known yet). */
    private final Map<String, Boolean> firstZones = new LinkedHashMap<>();
    /** The first refusal of each zone refused: its other calls are not sent. */
    private final Map<String, ApiResponse.Error> refusals = new HashMap<>();
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean allStarted;
    private Decision decision = Decision.UNDECIDED;

    ZoneAccess(RunStop stop) {
        this.stop = stop;
    }

    /** The run starts this zone: called in start order, before any answer about it. */
    synchronized void started(String zoneId) {
        if (firstZones.size() < FIRST_ZONES) {
            firstZones.put(zoneId, null);
        }
    }

    /** Every zone of the run has started: a run of fewer zones than {@value #FIRST_ZONES} is decided on those. */
    void allStarted() {
        synchronized (this) {
            allStarted = true;
        }
        decide();
    }

    /** The credentials may act on the zone. */
    void allowed(String zoneId) {
        synchronized (this) {
            if (!firstZones.containsKey(zoneId) || firstZones.get(zoneId) != null) {
                return;
            }
            firstZones.put(zoneId, false);
        }
        decide();
    }

    /**
     * The API refused a call on the zone with {@code UnauthorizedOperation*}: {@code failRows} records that call's
     * rows FAILED, now if the run goes on, once it is known to go on otherwise, never if it stops for this.
     */
    void refused(String zoneId, ApiResponse.Error error, Runnable failRows) {
        boolean failNow;
        synchronized (this) {
            refusals.putIfAbsent(zoneId, error);
            if (firstZones.containsKey(zoneId) && firstZones.get(zoneId) == null) {
                firstZones.put(zoneId, true);
            }
            if (decision == Decision.STOP) {
                return;
            }
            failNow = decision == Decision.GO_ON;
            if (!failNow) {
                waiting.add(failRows);
            }
        }
        if (failNow) {
            failRows.run();
        } else {
            decide();
        }
    }

    /** How the API refused the zone to these credentials, if it did. */
    synchronized Optional<ApiResponse.Error> refusal(String zoneId) {
        return Optional.ofNullable(refusals.get(zoneId));
    }

    /** The refusal with a message that names the zone and the action refused, for the rows' error_message. */
    static ApiResponse.Error naming(String zoneId, String action, ApiResponse.Error error) {
        return new ApiResponse.Error(error.code(), "zone " + zoneId + " refused " + action + " with " + error.code()
                + ": " + error.message(), error.requestId());
    }

    private void decide() {
        List<Runnable> goOn;
        String stopReason;
        synchronized (this) {
            if (decision != Decision.UNDECIDED) {
                return;
            }
            if (firstZones.containsValue(false)) {
                decision = Decision.GO_ON;
            } else if (!firstZones.isEmpty() && !firstZones.containsValue(null)
                    && (firstZones.size() == FIRST_ZONES || allStarted)) {
                decision = Decision.STOP;
            } else {
                return;
            }
            goOn = decision == Decision.GO_ON ? List.copyOf(waiting) : List.of();
            waiting.clear();
            stopReason = decision == Decision.STOP ? stopReason() : null;
        }
        if (stopReason != null) {
            stop.stop(stopReason);
        }
        goOn.forEach(Runnable::run);
    }

    private String stopReason() {
        StringBuilder zones = new StringBuilder();
        firstZones.keySet().forEach(zoneId -> zones.append(zones.isEmpty() ? "" : ", ").append(zoneId).append(" (")
                .append(refusals.get(zoneId).code()).append(')'));
        String which = firstZones.size() == FIRST_ZONES ? "the first " + FIRST_ZONES + " zones tried"
                : "every zone of the run";
        return "the credentials may not act on " + which + ": " + zones + "; they lack the EdgeOne actions "
                + "(teo:DescribeAccelerationDomains, teo:ModifyHostsCertificate) on every zone, or these are EdgeOne "
                + "Pages zones: grant the actions in the CAM policy (or take the Pages zones' rows out of the input)";
    }
}
