package io.certrotator.plan;

import io.certrotator.results.RowStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.certrotator.plan.Estate.NOW;
import static io.certrotator.plan.Estate.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RollbackPlannerTest {

    private static Estate before() {
        return new Estate().zone("zone-aaa").unreadableZone("zone-xxx", "UnauthorizedOperation.CamUnauthorized")
                .cert("rsa-old", "RSA", days(10), "*.a.com")
                .cert("rsa-new", "RSA", days(365), "*.a.com")
                .cert("ecc-ok", "ECC", days(300), "*.a.com")
                .host("zone-aaa", "www.a.com", "rsa-old")
                .host("zone-aaa", "pair.a.com", "rsa-old", "ecc-ok")
                .host("zone-aaa", "api.a.com", "rsa-old");
    }

    private static EstatePlan originalPlan() {
        return EstatePlanner.plan(before().snapshot(),
                PlanRequest.expiringWithin(Duration.ofDays(30), List.of("zone-aaa"), List.of()), NOW);
    }

    private static List<AppliedChange> succeeded(EstatePlan plan) {
        return plan.rows().stream().map(row -> AppliedChange.of(row, RowStatus.SUCCEEDED)).toList();
    }

    private static List<String> targets(EstatePlan plan) {
        return plan.rows().stream()
                .map(row -> row.zoneId() + " " + row.host() + " " + row.mode() + " " + row.newCertIds()).toList();
    }

    @Test
    void everySucceededHostGoesBackToWhatItCarriedBefore() {
        EstatePlan plan = originalPlan();

        EstatePlan rollback = RollbackPlanner.plan(succeeded(plan), before().applied(plan.rows()).snapshot(), NOW);

        assertThat(targets(rollback)).containsExactly(
                "zone-aaa api.a.com sslcert [rsa-old]",
                "zone-aaa pair.a.com sslcert [rsa-old, ecc-ok]",
                "zone-aaa www.a.com sslcert [rsa-old]");
        assertThat(rollback.rows().get(1).currentCertIds()).containsExactly("rsa-new", "ecc-ok");
        assertThat(rollback.rows().get(1).newNotAfter()).contains(days(10));
    }

    @Test
    void expiriesAreThoseOfTheCertificatesThatGoAndComeNotOfOneThatStays() {
        EstatePlan plan = originalPlan();

        PlannedRow pair = RollbackPlanner.plan(succeeded(plan), before().applied(plan.rows()).snapshot(), NOW).rows()
                .get(1);

        assertThat(pair.host()).isEqualTo("pair.a.com");
        assertThat(pair.currentNotAfter()).as("rsa-new goes; ecc-ok (300 days) stays").contains(days(365));
        assertThat(pair.newNotAfter()).as("rsa-old comes back").contains(days(10));
    }

    @Test
    void rollbackOfTheRollbackHasTheExpiriesOfTheOriginalPlan() {
        EstatePlan plan = originalPlan();
        EstatePlan rollback = RollbackPlanner.plan(succeeded(plan), before().applied(plan.rows()).snapshot(), NOW);

        EstatePlan again = RollbackPlanner.plan(succeeded(rollback),
                before().applied(plan.rows()).applied(rollback.rows()).snapshot(), NOW);

        assertThat(again.rows()).extracting(PlannedRow::host, PlannedRow::currentNotAfter, PlannedRow::newNotAfter)
                .isEqualTo(plan.rows().stream()
                        .map(row -> tuple(row.host(), row.currentNotAfter(), row.newNotAfter())).toList());
    }

    @Test
    void hostChangedSinceTheRunIsLeftOutWithWhatItCarriesNow() {
        EstatePlan plan = originalPlan();
        Estate now = before().applied(plan.rows()).cert("rsa-other", "RSA", days(500), "*.a.com")
                .applied(List.of(new PlannedRow("zone-aaa", "www.a.com", "sslcert", List.of("rsa-other"), "sslcert",
                        List.of(), Optional.empty(), Optional.empty(), "")));

        EstatePlan rollback = RollbackPlanner.plan(succeeded(plan), now.snapshot(), NOW);

        assertThat(rollback.rows()).extracting(PlannedRow::host).containsExactly("api.a.com", "pair.a.com");
        assertThat(rollback.unplanned()).containsExactly(new Unplanned("zone-aaa", "www.a.com",
                "changed since the run: it now carries sslcert rsa-other (deployed)"));
    }

    @Test
    void rowsThatDidNotSucceedAreLeftOut() {
        EstatePlan plan = originalPlan();
        List<AppliedChange> run = List.of(AppliedChange.of(plan.rows().get(0), RowStatus.FAILED),
                AppliedChange.of(plan.rows().get(1), RowStatus.SUCCEEDED));

        EstatePlan rollback = RollbackPlanner.plan(run, before().applied(plan.rows().subList(1, 2)).snapshot(), NOW);

        assertThat(rollback.rows()).extracting(PlannedRow::host).containsExactly("pair.a.com");
        assertThat(rollback.unplanned()).as("a row that changed nothing cannot fail to be put back").isEmpty();
    }

    @Test
    void aRowTheRunFoundAlreadyOnItsTargetHasNothingToPutBack() {
        Estate estate = new Estate().zone("zone-aaa").cert("rsa-new", "RSA", days(365), "*.a.com")
                .host("zone-aaa", "www.a.com", "rsa-new");
        List<AppliedChange> run = List.of(new AppliedChange("zone-aaa", "www.a.com", "sslcert", List.of("rsa-new"),
                "sslcert", List.of("rsa-new"), RowStatus.SUCCEEDED));

        EstatePlan rollback = RollbackPlanner.plan(run, estate.snapshot(), NOW);

        assertThat(rollback.rows()).isEmpty();
        assertThat(rollback.unplanned()).isEmpty();
    }

    @Test
    void aHostWhoseCertificateToPutBackHasExpiredIsLeftOutNamingItAndItsEnd() {
        Estate estate = new Estate().zone("zone-aaa").cert("rsa-gone", "RSA", days(-3).minusSeconds(27), "*.a.com")
                .cert("rsa-new", "RSA", days(365), "*.a.com").cert("ecc-ok", "ECC", days(300), "*.a.com")
                .host("zone-aaa", "expired.a.com", "rsa-new", "ecc-ok")
                .host("zone-aaa", "www.a.com", "rsa-new");
        List<AppliedChange> run = List.of(
                new AppliedChange("zone-aaa", "expired.a.com", "sslcert", List.of("rsa-gone", "ecc-ok"), "sslcert",
                        List.of("rsa-new", "ecc-ok"), RowStatus.SUCCEEDED),
                new AppliedChange("zone-aaa", "www.a.com", "sslcert", List.of("rsa-old"), "sslcert",
                        List.of("rsa-new"), RowStatus.SUCCEEDED));

        EstatePlan rollback = RollbackPlanner.plan(run, estate.snapshot(), NOW);

        assertThat(rollback.rows()).extracting(PlannedRow::host).containsExactly("www.a.com");
        assertThat(rollback.unplanned()).containsExactly(new Unplanned("zone-aaa", "expired.a.com",
                "certificate expired: rsa-gone (not after " + days(-3).minusSeconds(27) + ")"));
    }

    @Test
    void hostNoLongerInItsZoneAndHostsOfAnUnreadableZoneAreLeftOut() {
        List<AppliedChange> run = List.of(
                new AppliedChange("zone-aaa", "gone.a.com", "sslcert", List.of("rsa-old"), "sslcert",
                        List.of("rsa-new"), RowStatus.SUCCEEDED),
                new AppliedChange("zone-xxx", "www.x.com", "sslcert", List.of("x-old"), "sslcert", List.of("x-new"),
                        RowStatus.SUCCEEDED));

        EstatePlan rollback = RollbackPlanner.plan(run, before().snapshot(), NOW);

        assertThat(rollback.rows()).isEmpty();
        assertThat(rollback.unplanned()).containsExactly(
                new Unplanned("zone-aaa", "gone.a.com", "no longer in the zone"),
                new Unplanned("zone-xxx", Unplanned.EVERY_HOST, "zone not readable: UnauthorizedOperation.CamUnauthorized"));
    }

    @Test
    void hostBackOnAFreeCertificateIsPutBackOnIt() {
        Estate estate = new Estate().zone("zone-aaa").cert("rsa-new", "RSA", days(365), "*.a.com")
                .host("zone-aaa", "shop.a.com", "rsa-new");
        List<AppliedChange> run = List.of(new AppliedChange("zone-aaa", "shop.a.com", "eofreecert", List.of(),
                "sslcert", List.of("rsa-new"), RowStatus.SUCCEEDED));

        assertThat(targets(RollbackPlanner.plan(run, estate.snapshot(), NOW)))
                .containsExactly("zone-aaa shop.a.com eofreecert []");
    }

    @Test
    void rollbackOfTheRollbackIsTheOriginalPlan() {
        EstatePlan plan = originalPlan();
        EstatePlan rollback = RollbackPlanner.plan(succeeded(plan), before().applied(plan.rows()).snapshot(), NOW);

        EstatePlan again = RollbackPlanner.plan(succeeded(rollback),
                before().applied(plan.rows()).applied(rollback.rows()).snapshot(), NOW);

        assertThat(targets(again)).isEqualTo(targets(plan));
    }
}
