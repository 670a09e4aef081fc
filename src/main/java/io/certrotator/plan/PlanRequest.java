package io.certrotator.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code plan} is asked for: the certificates to replace ({@code --replace}) or those expiring within a time
 * ({@code --expiring-within}), in the zones and hosts chosen ({@code --zone}, {@code --host}; none means all); or what
 * {@code deploy} is: a new certificate where it is due ({@link DeploySelection}).
 *
 * @param minimumValidity how long a replacement must stay valid: the {@code --expiring-within} time, zero (not expired)
 *                        for {@code --replace}
 */
public record PlanRequest(List<Replacement> replacements, Duration minimumValidity, List<String> zoneIds,
                          List<HostGlob> hostGlobs, Optional<DeploySelection> deploying) {

    public PlanRequest {
        replacements = List.copyOf(replacements);
        zoneIds = List.copyOf(zoneIds);
        hostGlobs = List.copyOf(hostGlobs);
    }

    public static PlanRequest replacing(List<Replacement> replacements, List<String> zoneIds, List<HostGlob> hostGlobs) {
        if (replacements.isEmpty()) {
            throw new IllegalArgumentException("at least one --replace is needed");
        }
        replacements.stream().filter(Replacement::namesAnEmptyId).findFirst().ifPresent(empty -> {
            throw new IllegalArgumentException("--replace=" + empty.text() + ": a certificate ID is empty");
        });
        replacements.stream().collect(Collectors.groupingBy(Replacement::oldCertId, Collectors.toSet()))
                .forEach((oldCertId, different) -> {
                    if (different.size() > 1) {
                        throw new IllegalArgumentException("--replace names " + oldCertId + " twice, differently");
                    }
                });
        return new PlanRequest(replacements, Duration.ZERO, zoneIds, hostGlobs, Optional.empty());
    }

    public static PlanRequest expiringWithin(Duration within, List<String> zoneIds, List<HostGlob> hostGlobs) {
        return new PlanRequest(List.of(), within, zoneIds, hostGlobs, Optional.empty());
    }

    /** {@code deploy}: the new certificate on every host it should serve, in the zones read. */
    public static PlanRequest deploying(DeploySelection selection) {
        return new PlanRequest(List.of(), Duration.ZERO, List.of(), List.of(), Optional.of(selection));
    }

    public boolean byExpiry() {
        return replacements.isEmpty() && deploying.isEmpty();
    }

    Map<String, Replacement> replacementsByOldId() {
        return replacements.stream().collect(Collectors.toMap(Replacement::oldCertId, Function.identity(),
                (first, second) -> first));
    }

    boolean selectsZone(String zoneId) {
        return zoneIds.isEmpty() || zoneIds.contains(zoneId);
    }

    boolean selects(String zoneId, String host) {
        return selectsZone(zoneId) && (hostGlobs.isEmpty() || hostGlobs.stream().anyMatch(glob -> glob.matches(host)));
    }
}
