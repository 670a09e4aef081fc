package io.certrotator.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One API action: reads the request parameters, throws {@link ApiException} or adds its data to the response. */
interface ApiAction {
    void execute(JsonNode params, ObjectNode response);
}
