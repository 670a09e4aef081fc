package io.certrotator.plan;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.estate.CertificateRecord;
import io.certrotator.estate.DeployedCertificate;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.estate.HostRecord;
import io.certrotator.estate.ZoneRecord;
import io.certrotator.results.RowStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the plan that undoes a finished run: every host the run changed (a SUCCEEDED row whose target differs from
 * what the host carried before) goes back to what it carried before, unless it changed since (it
 * no longer carries the target the run applied) or a certificate to put back has expired (the API refuses it), which
 * are left out with why. Rows that did not succeed, and rows the run found already on their target, changed nothing
 * and are neither planned nor left out. Undoing the undo gives the run's plan back. As in {@code plan}, a row's
 * expiries are those of the certificates it takes off and puts back, not of one that stays.
 */
public final class RollbackPlanner {

    private RollbackPlanner() {
    }

    /** @param at now: a certificate to put back that expired by then cannot be put back */
    public static EstatePlan plan(List<AppliedChange> run, EstateSnapshot now, Instant at) {
        Set<String> zonesOfRun = run.stream().map(AppliedChange::zoneId).collect(Collectors.toSet());
        Map<String, HostRecord> hosts = now.hosts().stream()
                .collect(Collectors.toMap(host -> key(host.zoneId(), host.host()), Function.identity(),
                        (first, second) -> first));
        Map<String, ZoneRecord> zones = EstatePlanner.zonesById(now);
        List<PlannedRow> rows = new ArrayList<>();
        List<Unplanned> unplanned = new ArrayList<>(EstatePlanner.unreadableZones(now, zonesOfRun::contains));
        for (AppliedChange change : run) {
            if (now.unreadableZones().containsKey(change.zoneId()) || !changedTheHost(change)) {
                continue;
            }
            HostRecord host = hosts.get(key(change.zoneId(), change.host()));
            if (host == null) {
                unplanned.add(new Unplanned(change.zoneId(), change.host(), "no longer in the zone"));
                continue;
            }
            HostConfig config = configOf(host);
            List<String> expired = expired(change.previousCertIds(), host, now, at);
            if (config.towards(change.appliedMode(), change.appliedCertIds()) == HostConfig.Progress.DIFFERENT) {
                unplanned.add(new Unplanned(change.zoneId(), change.host(),
                        "changed since the run: it now carries " + config.describe()));
            } else if (!expired.isEmpty()) {
                unplanned.add(new Unplanned(change.zoneId(), change.host(),
                        "certificate expired: " + String.join(", ", expired)));
            } else {
                rows.add(rowBack(change, host, now, Optional.ofNullable(zones.get(change.zoneId()))));
            }
        }
        return new EstatePlan(rows, unplanned, List.of());
    }

    /** A SUCCEEDED row whose target differs from what its host carried before: the others have nothing to undo. */
    private static boolean changedTheHost(AppliedChange change) {
        return change.status() == RowStatus.SUCCEEDED && !(change.previousMode().equals(change.appliedMode())
                && Set.copyOf(change.previousCertIds()).equals(Set.copyOf(change.appliedCertIds())));
    }

    /** The certificates of {@code certIds} expired by {@code at}, each as {@code ID (not after TIME)}. */
    private static List<String> expired(List<String> certIds, HostRecord host, EstateSnapshot now, Instant at) {
        List<String> expired = new ArrayList<>();
        for (String certId : certIds) {
            Optional<Instant> notAfter = host.certificates().stream().filter(cert -> cert.certId().equals(certId))
                    .findFirst().flatMap(DeployedCertificate::expiresAt)
                    .or(() -> now.certificate(certId).flatMap(CertificateRecord::notAfter));
            notAfter.filter(end -> !end.isAfter(at))
                    .ifPresent(end -> expired.add(certId + " (not after " + end + ")"));
        }
        return expired;
    }

    private static PlannedRow rowBack(AppliedChange change, HostRecord host, EstateSnapshot now,
                                      Optional<ZoneRecord> zone) {
        List<ServedCertificate> served = host.certificates().stream()
                .map(cert -> ServedCertificate.of(cert, now)).toList();
        List<String> servedIds = served.stream().map(ServedCertificate::certId).toList();
        List<String> back = change.previousCertIds();
        return new PlannedRow(change.zoneId(), change.host(), change.previousMode(), back, host.mode(), servedIds,
                EstatePlanner.earliest(served.stream().filter(cert -> !back.contains(cert.certId()))
                        .map(ServedCertificate::notAfter).toList()),
                EstatePlanner.earliest(back.stream().filter(id -> !servedIds.contains(id))
                        .map(id -> now.certificate(id).flatMap(CertificateRecord::notAfter)).toList()),
                HostCaveat.of(zone, host));
    }

    private static HostConfig configOf(HostRecord host) {
        return new HostConfig(host.mode(), host.certificates().stream()
                .map(cert -> new HostConfig.Cert(cert.certId(), cert.status(), cert.signAlgo())).toList());
    }

    private static String key(String zoneId, String host) {
        return zoneId + "|" + host;
    }
}
