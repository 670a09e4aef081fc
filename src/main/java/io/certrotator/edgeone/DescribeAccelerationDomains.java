package io.certrotator.edgeone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DescribeAccelerationDomains request: a page of the zone's hosts, or, with {@code names}, just those hosts.
 */
public record DescribeAccelerationDomains(String zoneId, List<String> names, int offset, int limit) {

    public static final String ACTION = "DescribeAccelerationDomains";
    public static final int MAX_LIMIT = 200;
    public static final int MAX_NAMES = 20;

    public DescribeAccelerationDomains {
        names = List.copyOf(names);
    }

    public static DescribeAccelerationDomains page(String zoneId, int offset) {
        return new DescribeAccelerationDomains(zoneId, List.of(), offset, MAX_LIMIT);
    }

    public static DescribeAccelerationDomains named(String zoneId, List<String> names) {
        return new DescribeAccelerationDomains(zoneId, names, 0, MAX_LIMIT);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ZoneId", zoneId);
        parameters.put("Offset", offset);
        parameters.put("Limit", limit);
        if (!names.isEmpty()) {
            parameters.put("Filters", List.of(Map.of("Name", "domain-name", "Values", names)));
        }
        return parameters;
    }
}
