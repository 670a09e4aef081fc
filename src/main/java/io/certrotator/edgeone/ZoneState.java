package io.certrotator.edgeone;

import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/**
 * A zone's state as DescribeZones shows it ({@code Status}, {@code ActiveStatus}, {@code Paused}), and whether a
 * certificate change in it can succeed: the one place that decides that for a zone.
 */
public record ZoneState(String zoneId, String status, String activeStatus, boolean paused) {

    /** {@code Status} values of a zone that takes no change: NS not switched, moved away, banned, no plan bound. */
    private static final Set<String> NOT_ACTIVE = Set.of("pending", "moved", "deactivated", "initializing");

    public static ZoneState of(JsonNode zone) {
        return new ZoneState(zone.path("ZoneId").asString(""), zone.path("Status").asString(""),
                zone.path("ActiveStatus").asString(""), zone.path("Paused").asBoolean(false));
    }

    /**
     * Why no ModifyHostsCertificate call in this zone can succeed: paused (the API answers
     * {@value StateRefusal#ZONE_PAUSED}), or not active ({@value StateRefusal#ZONE_NOT_ACTIVE}); empty when the
     * calls should go. A field the API leaves out counts as active.
     */
    public Optional<StateRefusal> refusal() {
        if (paused || activeStatus.equals("paused")) {
            return Optional.of(new StateRefusal(StateRefusal.ZONE_PAUSED, "zone " + zoneId + " is paused"));
        }
        if (NOT_ACTIVE.contains(status) || activeStatus.equals("inactive")) {
            return Optional.of(new StateRefusal(StateRefusal.ZONE_NOT_ACTIVE, "zone " + zoneId
                    + " is not active: DescribeZones shows Status " + (status.isEmpty() ? "(none)" : status)
                    + ", ActiveStatus " + (activeStatus.isEmpty() ? "(none)" : activeStatus)));
        }
        return Optional.empty();
    }
}
