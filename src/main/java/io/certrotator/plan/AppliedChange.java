package io.certrotator.plan;

import io.certrotator.results.RowStatus;

import java.util.List;

/**
 * One host of a finished run: what it carried before ({@code previousMode}, {@code previousCertIds}), the target the
 * run applied, and how its row ended.
 */
public record AppliedChange(String zoneId, String host, String previousMode, List<String> previousCertIds,
                            String appliedMode, List<String> appliedCertIds, RowStatus status) {

    public AppliedChange {
        previousCertIds = List.copyOf(previousCertIds);
        appliedCertIds = List.copyOf(appliedCertIds);
    }

    /** A planned row as the run of its plan ended: it found the row's current configuration and applied its target. */
    public static AppliedChange of(PlannedRow row, RowStatus status) {
        return new AppliedChange(row.zoneId(), row.host(), row.currentMode(), row.currentCertIds(), row.mode(),
                row.newCertIds(), status);
    }
}
