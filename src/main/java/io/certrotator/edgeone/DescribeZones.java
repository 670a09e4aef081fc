package io.certrotator.edgeone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DescribeZones request: a page of the zones the credentials can see, all of them or those a filter names
 * ({@code zone-id} or {@code zone-name}, exact values, at most {@link #MAX_FILTER_VALUES} a filter).
 */
public record DescribeZones(String filterName, List<String> values, int offset) {

    public static final String ACTION = "DescribeZones";
    public static final int MAX_LIMIT = 100;
    public static final int MAX_FILTER_VALUES = 20;
    public static final String ZONE_ID = "zone-id";
    public static final String ZONE_NAME = "zone-name";

    public DescribeZones {
        values = List.copyOf(values);
        if (values.size() > MAX_FILTER_VALUES) {
            throw new IllegalArgumentException("a DescribeZones filter takes at most " + MAX_FILTER_VALUES
                    + " values, not " + values.size());
        }
    }

    public static DescribeZones all(int offset) {
        return new DescribeZones(null, List.of(), offset);
    }

    /** {@code values} in filters of at most {@value #MAX_FILTER_VALUES}, in their order. */
    public static List<List<String>> batches(List<String> values) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_FILTER_VALUES) {
            batches.add(List.copyOf(values.subList(from, Math.min(values.size(), from + MAX_FILTER_VALUES))));
        }
        return batches;
    }

    /** The same request for the page at {@code offset}. */
    public DescribeZones at(int offset) {
        return new DescribeZones(filterName, values, offset);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Offset", offset);
        parameters.put("Limit", MAX_LIMIT);
        if (filterName != null) {
            parameters.put("Filters", List.of(Map.of("Name", filterName, "Values", values)));
        }
        return parameters;
    }
}
