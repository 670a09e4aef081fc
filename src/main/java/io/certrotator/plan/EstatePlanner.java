package io.certrotator.plan;

import io.certrotator.estate.CertificateRecord;
import io.certrotator.estate.DeployedCertificate;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.estate.HostRecord;
import io.certrotator.estate.ZoneRecord;
import io.certrotator.input.CertMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Makes the rotation plan of {@code plan} from a snapshot of the estate. A host is selected when it serves a certificate
 * to replace: one named by {@code --replace}, or with {@code --expiring-within} one that has expired or expires within
 * the time. Each such certificate is swapped, in place, for its replacement (named, or chosen by
 * {@link ReplacementChooser}); the host's other certificates stay, so a host serving an RSA and an ECC certificate keeps
 * the one not replaced. A host for which one replacement is missing is left out with the reason. Hosts on EdgeOne's
 * free certificates are EdgeOne's to renew and never planned. For {@code deploy}, the certificates to replace are those
 * {@link DeploySelection} says the new one takes the place of.
 */
public final class EstatePlanner {

    private final EstateSnapshot snapshot;
    private final PlanRequest request;
    private final ValidityWindow window;
    private final ReplacementChooser chooser;
    private final Map<String, Replacement> named;
    private final Map<String, ZoneRecord> zones;
    private final List<PlannedRow> rows = new ArrayList<>();
    private final List<Unplanned> unplanned = new ArrayList<>();
    private final List<Unplanned> leftToEdgeOne = new ArrayList<>();

    private EstatePlanner(EstateSnapshot snapshot, PlanRequest request, Instant now) {
        this.snapshot = snapshot;
        this.request = request;
        this.window = new ValidityWindow(now, request.minimumValidity());
        this.chooser = new ReplacementChooser(snapshot, window);
        this.named = request.replacementsByOldId();
        this.zones = zonesById(snapshot);
    }

    /**
     * @throws RefusedReplacementException when {@code --replace} names a certificate the estate does not have, or a
     *                                     NEW one that is not usable
     */
    public static EstatePlan plan(EstateSnapshot snapshot, PlanRequest request, Instant now) {
        EstatePlanner planner = new EstatePlanner(snapshot, request, now);
        planner.refuseUnknownOrUnusableCertificates();
        planner.unplanned.addAll(unreadableZones(snapshot, request::selectsZone));
        snapshot.hosts().stream()
                .filter(host -> request.selects(host.zoneId(), host.host()))
                .forEach(planner::plan);
        return new EstatePlan(planner.rows, planner.unplanned, planner.leftToEdgeOne);
    }

    /**
     * Refuses the {@code --replace} IDs the estate does not have: a NEW one the account does not hold, an OLD one it
     * does not hold and no host read serves; and a NEW one that {@link UsableCertificate} does not allow, which the
     * plan would put on every host that serves OLD. When the account's certificates could not be read, nothing is
     * known not to exist (each host is then left out with why).
     */
    private void refuseUnknownOrUnusableCertificates() {
        if (request.replacements().isEmpty() || snapshot.certificatesMissing().isPresent()) {
            return;
        }
        Set<String> served = snapshot.hosts().stream().flatMap(host -> host.certificates().stream())
                .map(DeployedCertificate::certId).collect(Collectors.toSet());
        Set<String> refused = new LinkedHashSet<>();
        for (Replacement replacement : request.replacements()) {
            String old = replacement.oldCertId();
            if (snapshot.certificate(old).isEmpty() && !served.contains(old)) {
                refused.add(old + " is neither among the account's certificates nor served by a host read");
            }
            replacement.newCertId().flatMap(id -> whyNotNew(id, old)).ifPresent(refused::add);
        }
        if (!refused.isEmpty()) {
            throw new RefusedReplacementException("--replace: " + String.join("; ", refused));
        }
    }

    /** Why {@code --replace=old=id} cannot put {@code id} anywhere, naming it, and what to do instead. */
    private Optional<String> whyNotNew(String id, String old) {
        Optional<CertificateRecord> cert = snapshot.certificate(id);
        if (cert.isEmpty()) {
            return Optional.of(id + " is not among the account's certificates");
        }
        return UsableCertificate.whyNot(cert.get(), window).map(why -> id + " " + why + " (not_after "
                + cert.get().notAfter().map(Instant::toString).orElse("unknown") + "): name a certificate that is"
                + " issued and valid now, or give --replace=" + old + " alone for the best candidate");
    }

    private void plan(HostRecord host) {
        List<ServedCertificate> served = host.certificates().stream()
                .map(cert -> ServedCertificate.of(cert, snapshot)).toList();
        List<ServedCertificate> toReplace = served.stream().filter(cert -> toReplace(host, cert)).toList();
        if (host.onFreeCertificate()) {
            if (request.byExpiry() || !toReplace.isEmpty()) {
                leftToEdgeOne.add(new Unplanned(host.zoneId(), host.host(), "EdgeOne renews its free certificate"));
            }
            return;
        }
        if (toReplace.isEmpty() || !host.mode().equals(CertMode.SSLCERT.apiValue())) {
            return;
        }
        List<String> newCertIds = new ArrayList<>();
        List<Choice.Chosen> replacements = new ArrayList<>();
        for (ServedCertificate cert : served) {
            if (!toReplace.contains(cert)) {
                newCertIds.add(cert.certId());
                continue;
            }
            Choice choice = replacementFor(host, cert);
            if (choice instanceof Choice.NoCandidate none) {
                unplanned.add(new Unplanned(host.zoneId(), host.host(), none.reason()));
                return;
            }
            Choice.Chosen chosen = (Choice.Chosen) choice;
            replacements.add(chosen);
            newCertIds.add(chosen.certId());
        }
        rows.add(new PlannedRow(host.zoneId(), host.host(), CertMode.SSLCERT.apiValue(),
                newCertIds.stream().distinct().toList(), host.mode(),
                served.stream().map(ServedCertificate::certId).toList(),
                earliest(toReplace.stream().map(ServedCertificate::notAfter).toList()),
                earliest(replacements.stream().map(Choice.Chosen::notAfter).toList()),
                HostCaveat.of(Optional.ofNullable(zones.get(host.zoneId())), host)));
    }

    private boolean toReplace(HostRecord host, ServedCertificate cert) {
        if (request.deploying().isPresent()) {
            DeploySelection deploying = request.deploying().get();
            return deploying.covers(host.host()) && deploying.replaces(cert);
        }
        return request.byExpiry() ? window.expiring(cert.notAfter()) : named.containsKey(cert.certId());
    }

    private Choice replacementFor(HostRecord host, ServedCertificate cert) {
        if (request.deploying().isPresent()) {
            DeploySelection deploying = request.deploying().get();
            return new Choice.Chosen(deploying.certId(), Optional.of(deploying.notAfter()));
        }
        Optional<String> newCertId = request.byExpiry() ? Optional.empty() : named.get(cert.certId()).newCertId();
        return newCertId.map(id -> chooser.take(host.host(), id, cert))
                .orElseGet(() -> chooser.choose(host.host(), cert));
    }

    static Map<String, ZoneRecord> zonesById(EstateSnapshot snapshot) {
        return snapshot.zones().stream()
                .collect(Collectors.toMap(ZoneRecord::zoneId, Function.identity(), (first, second) -> first));
    }

    /** The zones whose hosts could not be read, of those {@code selected}: one entry each, with the API's code. */
    static List<Unplanned> unreadableZones(EstateSnapshot snapshot, Predicate<String> selected) {
        return snapshot.unreadableZones().entrySet().stream()
                .filter(zone -> selected.test(zone.getKey()))
                .map(zone -> new Unplanned(zone.getKey(), Unplanned.EVERY_HOST,
                        "zone not readable: " + zone.getValue().code()))
                .toList();
    }

    /** The earliest of the known times; empty when none is known. */
    static Optional<Instant> earliest(List<Optional<Instant>> times) {
        return times.stream().flatMap(Optional::stream).min(Instant::compareTo);
    }
}
