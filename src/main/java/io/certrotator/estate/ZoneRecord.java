package io.certrotator.estate;

import tools.jackson.databind.JsonNode;

/** A zone as DescribeZones shows it. */
public record ZoneRecord(String zoneId, String zoneName, String type, String status, String activeStatus,
                         boolean paused) {

    static ZoneRecord of(JsonNode zone) {
        return new ZoneRecord(zone.path("ZoneId").asString(""), zone.path("ZoneName").asString(""),
                zone.path("Type").asString(""), zone.path("Status").asString(""),
                zone.path("ActiveStatus").asString(""), zone.path("Paused").asBoolean(false));
    }
}
