package io.certrotator.results;

/** One target (zone, mode, certificates) and how many distinct hosts want it. */
public record TargetHosts(String zoneId, String mode, String certIds, long hosts) {
}
