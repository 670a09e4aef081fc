package io.certrotator.cli;

import io.certrotator.plan.AppliedChange;
import io.certrotator.plan.Unplanned;
import io.certrotator.results.ResultRow;
import io.certrotator.results.RowStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a past run as a rollback sees them: what each host carried before and what the run applied, or, for a
 * SUCCEEDED row whose previous configuration was not recorded (a run from before the columns, a host not read), a
 * host that cannot be put back. A host is one change however many rows name it (an exact duplicate row, merged by
 * the run, has a line of its own in the report): the first row's.
 */
final class RunChanges {

    static final String NOT_RECORDED = "its previous configuration was not recorded";

    private final List<AppliedChange> changes = new ArrayList<>();
    private final List<Unplanned> notRecorded = new ArrayList<>();
    private final Set<String> hosts = new HashSet<>();

    void add(ResultRow row) {
        if (!hosts.add(row.zoneId() + "|" + row.host())) {
            return;
        }
        RowStatus status = accepted(row) ? RowStatus.SUCCEEDED : row.status();
        if (status == RowStatus.SUCCEEDED && row.previousMode() == null) {
            notRecorded.add(new Unplanned(row.zoneId(), row.host(), NOT_RECORDED));
        } else {
            changes.add(new AppliedChange(row.zoneId(), row.host(),
                    row.previousMode() == null ? "" : row.previousMode(), ids(row.previousCertIds()), row.mode(),
                    ids(row.certIds()), status));
        }
    }

    /**
     * A PENDING row with a request ID: the API accepted its call, and the run stopped before its host was read back.
     * It is rolled back like a SUCCEEDED one if its host carries what the run applied.
     */
    private static boolean accepted(ResultRow row) {
        return row.status() == RowStatus.PENDING && row.requestId() != null;
    }

    List<AppliedChange> changes() {
        return List.copyOf(changes);
    }

    List<Unplanned> notRecorded() {
        return List.copyOf(notRecorded);
    }

    private static List<String> ids(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }
}
