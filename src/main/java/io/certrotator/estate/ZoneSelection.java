package io.certrotator.estate;

import java.util.List;

/** Which zones to read: those with these IDs and those with these names, or every zone when both are empty. */
public record ZoneSelection(List<String> zoneIds, List<String> zoneNames) {

    public static final ZoneSelection ALL = new ZoneSelection(List.of(), List.of());

    public ZoneSelection {
        zoneIds = List.copyOf(zoneIds);
        zoneNames = List.copyOf(zoneNames);
    }

    public static ZoneSelection ids(List<String> zoneIds) {
        return new ZoneSelection(zoneIds, List.of());
    }

    public boolean all() {
        return zoneIds.isEmpty() && zoneNames.isEmpty();
    }
}
