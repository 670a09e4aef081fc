package io.certrotator.simulator;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code DescribeZones}: the zones in ID order, paged by Offset (default 0) and Limit (default 20, at most 100),
 * filtered by {@code zone-id} or {@code zone-name} (exact values, at most 20 per filter). A value that names no zone
 * just matches nothing, as on the real API. A refusal set with {@link #refuse(String)} answers every call with that
 * code, as a CAM policy without the action does.
 */
final class DescribeZonesAction implements ApiAction {
    static final String NAME = "DescribeZones";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_FILTER_VALUES = 20;
    private static final Set<String> PARAMETERS = Set.of("Offset", "Limit", "Filters", "Order", "Direction");

    private final EdgeOneState state;
    private final Refusal refusal = new Refusal();

    DescribeZonesAction(EdgeOneState state) {
        this.state = state;
    }

    /** Every call answers {@code code} from now on; null serves them again. */
    void refuse(String code) {
        refusal.set(code);
    }

    @Override
    public void execute(JsonNode params, ObjectNode response) {
        refusal.check("you are not authorized to perform operation (teo:DescribeZones)");
        Params.rejectUnknown(params, PARAMETERS);
        Params.Page page = Params.page(params, DEFAULT_LIMIT, MAX_LIMIT);
        List<EdgeOneState.ZoneView> zones = state.zones().stream().filter(filter(params)).toList();
        response.put("TotalCount", zones.size());
        ArrayNode list = response.putArray("Zones");
        zones.stream().skip(page.offset()).limit(page.limit()).forEach(zone -> list.addObject()
                .put("ZoneId", zone.zoneId())
                .put("ZoneName", zone.profile().name())
                .put("Type", zone.profile().type())
                .put("Status", zone.profile().status())
                .put("ActiveStatus", zone.profile().activeStatus(zone.paused()))
                .put("Paused", zone.paused()));
    }

    private static Predicate<EdgeOneState.ZoneView> filter(JsonNode params) {
        Predicate<EdgeOneState.ZoneView> all = zone -> true;
        for (JsonNode filter : Params.optionalObjects(params, "Filters")) {
            String name = Params.requiredString(filter, "Name");
            List<String> values = Params.requiredStrings(filter, "Values");
            if (values.size() > MAX_FILTER_VALUES) {
                throw Params.invalidValue("filter " + name + " has " + values.size() + " values, at most "
                        + MAX_FILTER_VALUES + " are allowed");
            }
            all = all.and(switch (name) {
                case "zone-id" -> zone -> values.contains(zone.zoneId());
                case "zone-name" -> zone -> values.contains(zone.profile().name());
                default -> throw Params.invalidValue("filter " + name + " is not supported, only zone-id and zone-name");
            });
        }
        return all;
    }
}
