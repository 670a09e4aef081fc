package io.certrotator.simulator;

import tools.jackson.databind.node.ObjectNode;

/**
 * How the simulator answers one request: the {@code Response} object to send (with an {@code Error} or data), or a
 * disruption instead of an answer. {@code arrivalNanos} is the admission time for admitted calls.
 */
record Verdict(long arrivalNanos, boolean admitted, String outcome, ObjectNode response, Disruption disruption) {
}
