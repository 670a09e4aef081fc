package io.certrotator.plan;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan made from the estate: the rows to run, the hosts left out with why, and (for a verbose listing) the hosts on
 * EdgeOne's free certificates, which EdgeOne renews itself. Each list is in zone, then host order.
 */
public record EstatePlan(List<PlannedRow> rows, List<Unplanned> unplanned, List<Unplanned> leftToEdgeOne) {

    static final Comparator<PlannedRow> ROW_ORDER =
            Comparator.comparing(PlannedRow::zoneId).thenComparing(PlannedRow::host);
    static final Comparator<Unplanned> UNPLANNED_ORDER =
            Comparator.comparing(Unplanned::zoneId).thenComparing(Unplanned::host);

    public EstatePlan {
        rows = rows.stream().sorted(ROW_ORDER).toList();
        unplanned = unplanned.stream().sorted(UNPLANNED_ORDER).toList();
        leftToEdgeOne = leftToEdgeOne.stream().sorted(UNPLANNED_ORDER).toList();
    }

    public Summary summary() {
        Map<String, Integer> byReason = new TreeMap<>();
        unplanned.forEach(host -> byReason.merge(host.reason(), 1, Integer::sum));
        return new Summary(rows.size() + unplanned.size(), rows.size(), unplanned.size(), byReason,
                leftToEdgeOne.size());
    }

    /**
     * The plan in numbers. An unreadable zone counts as one host without a replacement.
     *
     * @param withoutReplacementByReason hosts left out, counted by reason, reasons in alphabetical order
     */
    public record Summary(int hostsSelected, int hostsWithReplacement, int hostsWithoutReplacement,
                          Map<String, Integer> withoutReplacementByReason, int leftToEdgeOne) {

        public Summary {
            withoutReplacementByReason = Collections.unmodifiableMap(new TreeMap<>(withoutReplacementByReason));
        }
    }
}
