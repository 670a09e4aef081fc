package io.certrotator.simulator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a request body names, read leniently for the call log (the actions read it strictly). */
record CallParameters(String zoneId, List<String> hosts, String mode, List<String> certIds) {
    static final CallParameters NONE = new CallParameters(null, List.of(), null, List.of());

    static CallParameters of(JsonNode params) {
        if (params == null || !params.isObject()) {
            return NONE;
        }
        List<String> hosts = new ArrayList<>();
        params.path("Hosts").forEach(h -> addIfString(h, hosts));
        List<String> certIds = new ArrayList<>();
        params.path("ServerCertInfo").forEach(info -> addIfString(info.path("CertId"), certIds));
        return new CallParameters(stringOrNull(params.get("ZoneId")), hosts, stringOrNull(params.get("Mode")), certIds);
    }

    private static void addIfString(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
    }

    private static String stringOrNull(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
