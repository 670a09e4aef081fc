package io.certrotator.results;

/** What is left to send: distinct targets (zone, mode, certificates), the calls they need and their hosts. */
public record PlanFigures(long targets, long calls, long hosts, long rows) {
}
