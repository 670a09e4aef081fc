package io.certrotator.plan;

import io.certrotator.estate.DeployedCertificate;
import io.certrotator.estate.EstateSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.certrotator.plan.Estate.NOW;
import static io.certrotator.plan.Estate.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

class EstatePlannerTest {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    /**
     * zone-aaa: hosts on an expiring RSA certificate, an RSA+ECC pair, an offline host, a free-certificate host and a
     * host that needs nothing; zone-bbb: an apex host that only a wildcard names, an ECC host without an ECC candidate,
     * a host whose candidates all expire soon; zone-ppp paused; zone-xxx unreadable.
     */
    private static Estate estate() {
        return new Estate()
                .zone("zone-aaa").zone("zone-bbb").pausedZone("zone-ppp")
                .unreadableZone("zone-xxx", "UnauthorizedOperation.CamUnauthorized")
                .cert("rsa-old", "RSA", days(10), "*.a.com", "a.com")
                .cert("rsa-new", "RSA", days(365), "*.a.com", "a.com")
                .cert("rsa-other", "RSA 2048", days(200), "*.a.com")
                .cert("rsa-soon", "RSA", days(20), "*.a.com")
                .cert("ecc-ok", "ECC", days(300), "*.a.com")
                .cert("ecc-new", "ECC", days(400), "*.a.com")
                .cert("b-old", "RSA", days(-2), "*.b.com", "b.com")
                .cert("b-wild", "RSA", days(365), "*.b.com")
                .cert("b-ecc-old", "ECC", days(5), "ecc.b.com")
                .cert("c-old", "RSA", days(3), "short.c.com")
                .cert("c-soon", "RSA", days(25), "short.c.com")
                .cert("p-old", "RSA", days(7), "shop.p.com")
                .cert("p-new", "RSA", days(90), "shop.p.com")
                .host("zone-aaa", "www.a.com", "rsa-old")
                .host("zone-aaa", "pair.a.com", "rsa-old", "ecc-ok")
                .hostWith("zone-aaa", "off.a.com", "offline", "sslcert", "rsa-old")
                .hostWith("zone-aaa", "free.a.com", "online", "eofreecert")
                .host("zone-aaa", "safe.a.com", "rsa-new")
                .host("zone-bbb", "b.com", "b-old")
                .host("zone-bbb", "www.b.com", "b-old")
                .host("zone-bbb", "ecc.b.com", "b-ecc-old")
                .host("zone-bbb", "short.c.com", "c-old")
                .host("zone-ppp", "shop.p.com", "p-old");
    }

    private static EstatePlan expiring(EstateSnapshot snapshot, List<String> zones, List<HostGlob> hosts) {
        return EstatePlanner.plan(snapshot, PlanRequest.expiringWithin(THIRTY_DAYS, zones, hosts), NOW);
    }

    private static EstatePlan expiring(EstateSnapshot snapshot) {
        return expiring(snapshot, List.of(), List.of());
    }

    private static Optional<PlannedRow> row(EstatePlan plan, String host) {
        return plan.rows().stream().filter(row -> row.host().equals(host)).findFirst();
    }

    private static Optional<String> unplannedReason(EstatePlan plan, String host) {
        return plan.unplanned().stream().filter(u -> u.host().equals(host)).map(Unplanned::reason).findFirst();
    }

    @Test
    void hostOnAnExpiringRsaCertificateGetsTheCoveringRsaCertificateThatExpiresLast() {
        PlannedRow www = row(expiring(estate().snapshot()), "www.a.com").orElseThrow();

        assertThat(www.mode()).isEqualTo("sslcert");
        assertThat(www.newCertIds()).containsExactly("rsa-new");
        assertThat(www.currentCertIds()).containsExactly("rsa-old");
        assertThat(www.currentNotAfter()).contains(days(10));
        assertThat(www.newNotAfter()).contains(days(365));
        assertThat(www.reason()).isEmpty();
    }

    @Test
    void rsaAndEccPairKeepsTheEccCertificateWhenOnlyTheRsaOneExpires() {
        PlannedRow pair = row(expiring(estate().snapshot()), "pair.a.com").orElseThrow();

        assertThat(pair.newCertIds()).containsExactly("rsa-new", "ecc-ok");
        assertThat(pair.currentNotAfter()).contains(days(10));
    }

    @Test
    void alreadyExpiredCertificateIsReplacedToo() {
        assertThat(row(expiring(estate().snapshot()), "www.b.com").orElseThrow().newCertIds()).containsExactly("b-wild");
    }

    @Test
    void wildcardCertificateDoesNotCoverTheApexHost() {
        EstatePlan plan = expiring(estate().snapshot());

        assertThat(row(plan, "b.com")).isEmpty();
        assertThat(unplannedReason(plan, "b.com")).contains("no certificate covers it");
    }

    @Test
    void hostWithoutACandidateOfItsKeyAlgorithmIsLeftOutWithTheAlgorithm() {
        assertThat(unplannedReason(expiring(estate().snapshot()), "ecc.b.com")).contains("no ECC certificate covers it");
    }

    @Test
    void hostWhoseCandidatesAllExpireWithinTheWindowIsLeftOut() {
        assertThat(unplannedReason(expiring(estate().snapshot()), "short.c.com"))
                .contains("every RSA certificate that covers it expires within 30 days");
    }

    @Test
    void certificateThatExpiresWithinTheWindowIsNeverChosen() {
        assertThat(expiring(estate().snapshot()).rows())
                .allSatisfy(row -> assertThat(row.newCertIds()).doesNotContain("rsa-soon", "c-soon"));
    }

    @Test
    void hostOnEdgeOnesFreeCertificateIsLeftToEdgeOne() {
        EstatePlan plan = expiring(estate().snapshot());

        assertThat(plan.leftToEdgeOne()).containsExactly(
                new Unplanned("zone-aaa", "free.a.com", "EdgeOne renews its free certificate"));
        assertThat(row(plan, "free.a.com")).isEmpty();
        assertThat(unplannedReason(plan, "free.a.com")).isEmpty();
    }

    @Test
    void hostWithNothingExpiringIsNotSelected() {
        EstatePlan plan = expiring(estate().snapshot());

        assertThat(row(plan, "safe.a.com")).isEmpty();
        assertThat(unplannedReason(plan, "safe.a.com")).isEmpty();
    }

    @Test
    void unknownExpiryIsNotExpiring() {
        EstateSnapshot snapshot = new Estate().zone("zone-aaa")
                .cert("rsa-new", "RSA", days(365), "*.a.com")
                .hostOn("zone-aaa", "www.a.com",
                        new DeployedCertificate("cert-unlisted", "", "upload", "RSA 2048", Optional.empty(), "deployed"))
                .snapshot();

        assertThat(expiring(snapshot).summary().hostsSelected()).isZero();
    }

    @Test
    void pausedZoneAndOfflineHostArePlannedWithTheReason() {
        EstatePlan plan = expiring(estate().snapshot());

        assertThat(row(plan, "shop.p.com").orElseThrow().reason()).isEqualTo("zone paused");
        assertThat(row(plan, "shop.p.com").orElseThrow().newCertIds()).containsExactly("p-new");
        assertThat(row(plan, "off.a.com").orElseThrow().reason()).isEqualTo("host offline");
    }

    @Test
    void unreadableZoneIsListedAsNotPlannedWithItsReadFailureCode() {
        assertThat(expiring(estate().snapshot()).unplanned()).contains(new Unplanned("zone-xxx", Unplanned.EVERY_HOST,
                "zone not readable: UnauthorizedOperation.CamUnauthorized"));
    }

    @Test
    void rowsComeInZoneThenHostOrder() {
        assertThat(expiring(estate().snapshot()).rows()).extracting(row -> row.zoneId() + " " + row.host())
                .containsExactly("zone-aaa off.a.com", "zone-aaa pair.a.com", "zone-aaa www.a.com",
                        "zone-bbb www.b.com", "zone-ppp shop.p.com");
    }

    @Test
    void summaryCountsTheHostsWithAndWithoutAReplacementByReason() {
        EstatePlan.Summary summary = expiring(estate().snapshot()).summary();

        assertThat(summary.hostsSelected()).isEqualTo(9);
        assertThat(summary.hostsWithReplacement()).isEqualTo(5);
        assertThat(summary.hostsWithoutReplacement()).isEqualTo(4);
        assertThat(summary.withoutReplacementByReason()).containsExactly(
                entry("every RSA certificate that covers it expires within 30 days", 1),
                entry("no ECC certificate covers it", 1),
                entry("no certificate covers it", 1),
                entry("zone not readable: UnauthorizedOperation.CamUnauthorized", 1));
        assertThat(summary.leftToEdgeOne()).isEqualTo(1);
    }

    @Test
    void candidatesExpiringTogetherGoToTheLatestIssuedThenTheLowestId() {
        Estate estate = new Estate().zone("zone-aaa")
                .cert("rsa-old", "RSA", days(1), "www.a.com")
                .cert("rsa-early", "RSA", days(-50), days(365), "www.a.com")
                .cert("rsa-late-b", "RSA", days(-10), days(365), "www.a.com")
                .cert("rsa-late-a", "RSA", days(-10), days(365), "www.a.com")
                .host("zone-aaa", "www.a.com", "rsa-old");

        assertThat(row(expiring(estate.snapshot()), "www.a.com").orElseThrow().newCertIds())
                .containsExactly("rsa-late-a");
    }

    @Test
    void replaceOldWithNewSwapsItOnEveryHostThatServesIt() {
        EstatePlan plan = EstatePlanner.plan(estate().snapshot(), PlanRequest.replacing(
                List.of(Replacement.parse("rsa-old=rsa-other")), List.of(), List.of()), NOW);

        assertThat(plan.rows()).extracting(PlannedRow::host, PlannedRow::newCertIds).containsExactly(
                tuple("off.a.com", List.of("rsa-other")),
                tuple("pair.a.com", List.of("rsa-other", "ecc-ok")),
                tuple("www.a.com", List.of("rsa-other")));
        assertThat(plan.unplanned()).extracting(Unplanned::zoneId).containsExactly("zone-xxx");
    }

    @Test
    void replaceOldAloneChoosesTheReplacementLikeExpiringWithin() {
        EstatePlan plan = EstatePlanner.plan(estate().snapshot(), PlanRequest.replacing(
                List.of(Replacement.parse("rsa-old")), List.of("zone-aaa"), List.of()), NOW);

        assertThat(plan.rows()).extracting(PlannedRow::newCertIds).containsExactly(
                List.of("rsa-new"), List.of("rsa-new", "ecc-ok"), List.of("rsa-new"));
    }

    @Test
    void replaceWithACertificateOfAnotherKeyAlgorithmIsRefusedSoThePairStays() {
        EstatePlan plan = EstatePlanner.plan(estate().snapshot(), PlanRequest.replacing(
                List.of(Replacement.parse("rsa-old=ecc-new")), List.of("zone-aaa"), List.of(new HostGlob("pair.*"))),
                NOW);

        assertThat(plan.rows()).isEmpty();
        assertThat(plan.unplanned()).containsExactly(new Unplanned("zone-aaa", "pair.a.com",
                "ecc-new is ECC, rsa-old RSA: the host would lose its RSA certificate"));
    }

    @Test
    void replaceWithACertificateThatDoesNotCoverTheHostLeavesTheHostOutWithTheReason() {
        EstatePlan plan = EstatePlanner.plan(estate().snapshot(), PlanRequest.replacing(
                List.of(Replacement.parse("rsa-old=b-wild")), List.of("zone-aaa"), List.of()), NOW);

        assertThat(plan.rows()).isEmpty();
        assertThat(plan.unplanned()).extracting(Unplanned::host, Unplanned::reason).containsExactly(
                tuple("off.a.com", "b-wild does not cover it"),
                tuple("pair.a.com", "b-wild does not cover it"),
                tuple("www.a.com", "b-wild does not cover it"));
    }

    @Test
    void replaceNamingACertificateTheEstateDoesNotHaveIsRefusedNamingIt() {
        PlanRequest request = PlanRequest.replacing(List.of(Replacement.parse("nope-old"),
                Replacement.parse("rsa-old=nope-new")), List.of(), List.of());

        assertThatThrownBy(() -> EstatePlanner.plan(estate().snapshot(), request, NOW))
                .isInstanceOf(RefusedReplacementException.class)
                .hasMessage("--replace: nope-old is neither among the account's certificates nor served by a host"
                        + " read; nope-new is not among the account's certificates");
    }

    @Test
    void replaceWithAnExpiredCertificateIsRefusedNamingItsNotAfterAndWhatToDo() {
        PlanRequest request = PlanRequest.replacing(List.of(Replacement.parse("rsa-old=b-old")), List.of(), List.of());

        assertThatThrownBy(() -> EstatePlanner.plan(estate().snapshot(), request, NOW))
                .isInstanceOf(RefusedReplacementException.class)
                .hasMessage("--replace: b-old has expired (not_after " + days(-2) + "): name a certificate that is"
                        + " issued and valid now, or give --replace=rsa-old alone for the best candidate");
    }

    @Test
    void replaceWithACertificateNotValidYetIsRefused() {
        Estate estate = estate().cert("rsa-future", "RSA", days(5), days(400), "*.a.com");
        PlanRequest request = PlanRequest.replacing(List.of(Replacement.parse("rsa-old=rsa-future")), List.of(),
                List.of());

        assertThatThrownBy(() -> EstatePlanner.plan(estate.snapshot(), request, NOW))
                .isInstanceOf(RefusedReplacementException.class)
                .hasMessageStartingWith("--replace: rsa-future is not valid before " + days(5));
    }

    @Test
    void aCandidateNotValidYetIsNotChosen() {
        Estate estate = new Estate().zone("zone-aaa")
                .cert("rsa-old", "RSA", days(1), "www.a.com")
                .cert("rsa-now", "RSA", days(-1), days(200), "www.a.com")
                .cert("rsa-future", "RSA", days(5), days(400), "www.a.com")
                .host("zone-aaa", "www.a.com", "rsa-old");

        assertThat(row(expiring(estate.snapshot()), "www.a.com").orElseThrow().newCertIds())
                .containsExactly("rsa-now");
    }

    @Test
    void aHostWhoseOnlyCandidateIsNotValidYetIsLeftOutSayingSo() {
        Estate estate = new Estate().zone("zone-aaa")
                .cert("rsa-old", "RSA", days(1), "www.a.com")
                .cert("rsa-future", "RSA", days(5), days(400), "www.a.com")
                .host("zone-aaa", "www.a.com", "rsa-old");

        assertThat(unplannedReason(expiring(estate.snapshot()), "www.a.com")).contains(
                "no RSA certificate that covers it can be used: rsa-future is not valid before " + days(5));
    }

    @Test
    void replaceOfACertificateAHostServesButTheAccountNoLongerListsIsPlanned() {
        Estate estate = new Estate().zone("zone-aaa").cert("rsa-new", "RSA", days(365), "*.a.com")
                .hostOn("zone-aaa", "www.a.com",
                        new DeployedCertificate("gone-old", "", "upload", "RSA 2048", Optional.of(days(3)), "deployed"));

        EstatePlan plan = EstatePlanner.plan(estate.snapshot(), PlanRequest.replacing(
                List.of(Replacement.parse("gone-old=rsa-new")), List.of(), List.of()), NOW);

        assertThat(plan.rows()).extracting(PlannedRow::host, PlannedRow::newCertIds)
                .containsExactly(tuple("www.a.com", List.of("rsa-new")));
    }

    @Test
    void zoneAndHostGlobsNarrowTheSelection() {
        EstatePlan plan = expiring(estate().snapshot(), List.of("zone-aaa", "zone-bbb"),
                List.of(new HostGlob("*.A.COM"), new HostGlob("?.com")));

        assertThat(plan.rows()).extracting(PlannedRow::host).containsExactly("off.a.com", "pair.a.com", "www.a.com");
        assertThat(plan.unplanned()).extracting(Unplanned::host).containsExactly("b.com");
    }

    @Test
    void unreadableCertificateListLeavesEveryHostOutWithTheCode() {
        EstateSnapshot snapshot = new Estate().zone("zone-aaa")
                .hostOn("zone-aaa", "www.a.com",
                        new DeployedCertificate("rsa-old", "", "upload", "RSA 2048", Optional.of(days(3)), "deployed"))
                .certificatesUnreadable("UnauthorizedOperation.CamUnauthorized")
                .snapshot();

        assertThat(expiring(snapshot).unplanned()).containsExactly(new Unplanned("zone-aaa", "www.a.com",
                "the account's certificates could not be read: UnauthorizedOperation.CamUnauthorized"));
    }
}
