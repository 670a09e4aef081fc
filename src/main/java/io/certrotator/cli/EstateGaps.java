package io.certrotator.cli;

import io.certrotator.estate.EstateSnapshot;
import io.certrotator.estate.ReadFailure;
import io.certrotator.estate.ZoneRecord;
import io.certrotator.plan.EstatePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a snapshot lacks, said in words, and whether it is incomplete: the one place that decides when inventory and
 * plan exit 3. A zone the API refused to list hosts for, or a refusal of the SSL service, makes it incomplete: an
 * operator's cron should notice. A Pages zone does not: EdgeOne never lists its hosts, so counting it would make every
 * run incomplete; it is still named.
 *
 * @param notes      one line per gap, for stderr
 * @param incomplete true when a gap is one the operator can and should fix
 * @param pagesZones the Pages zones read, whose hosts are never listed
 */
record EstateGaps(List<String> notes, boolean incomplete, Set<String> pagesZones) {

    static final String PAGES = "pages";

    static EstateGaps of(EstateSnapshot snapshot) {
        Set<String> pages = snapshot.zones().stream().filter(zone -> zone.type().equals(PAGES))
                .map(ZoneRecord::zoneId).collect(Collectors.toSet());
        List<String> notes = new ArrayList<>();
        boolean incomplete = false;
        for (Map.Entry<String, ReadFailure> zone : snapshot.unreadableZones().entrySet()) {
            boolean isPages = pages.contains(zone.getKey());
            incomplete |= !isPages;
            notes.add("zone " + zone.getKey() + (isPages ? " is a Pages zone: EdgeOne does not list its hosts ("
                    + zone.getValue().code() + "; not counted as incomplete)"
                    : " not readable, its hosts are missing (" + describe(zone.getValue()) + ")"));
        }
        if (snapshot.certificatesMissing().isPresent()) {
            incomplete = true;
            notes.add("certificate details missing (certificate_details says missing): the SSL service refused"
                    + " DescribeCertificates (" + describe(snapshot.certificatesMissing().get()) + "); algorithms and"
                    + " expiry show only where EdgeOne shows them on the host");
        }
        return new EstateGaps(notes, incomplete, pages);
    }

    /** The zones whose hosts could not be read, Pages zones aside (EdgeOne never lists theirs). */
    long zonesNotRead(EstateSnapshot snapshot) {
        return snapshot.unreadableZones().keySet().stream().filter(this::needsAttention).count();
    }

    /** A host or zone left out of a plan is worth the operator's attention unless it is a Pages zone's. */
    boolean needsAttention(String zoneId) {
        return !pagesZones.contains(zoneId);
    }

    /**
     * Whether {@code plan} leaves work for a person (exit 3): a zone not read, or a selected host without a replacement
     * outside a Pages zone.
     */
    boolean needsAttention(EstatePlan plan) {
        return incomplete || plan.unplanned().stream().anyMatch(host -> needsAttention(host.zoneId()));
    }

    int exitCode() {
        return incomplete ? ExitCodes.ROWS_FAILED : ExitCodes.SUCCEEDED;
    }

    private static String describe(ReadFailure failure) {
        return failure.code() + ": " + failure.message();
    }
}
