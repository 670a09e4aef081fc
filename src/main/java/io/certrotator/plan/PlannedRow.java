package io.certrotator.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of a plan: the host's target ({@code mode}, {@code newCertIds}) as the rotation CSV names it, and for the
 * reader what it carries now.
 *
 * @param currentNotAfter the earliest expiry of the certificates the row takes off the host, if known
 * @param newNotAfter     the earliest expiry of the certificates the row puts in their place, if known
 * @param reason          what may keep the engine from applying the row (a paused zone, an offline host), empty when
 *                        nothing is known to stand in the way
 */
public record PlannedRow(String zoneId, String host, String mode, List<String> newCertIds, String currentMode,
                         List<String> currentCertIds, Optional<Instant> currentNotAfter,
                         Optional<Instant> newNotAfter, String reason) {

    public PlannedRow {
        newCertIds = List.copyOf(newCertIds);
        currentCertIds = List.copyOf(currentCertIds);
    }
}
