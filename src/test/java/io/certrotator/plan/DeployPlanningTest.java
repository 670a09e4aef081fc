package io.certrotator.plan;

import io.certrotator.certs.KeyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.certrotator.plan.Estate.NOW;
import static io.certrotator.plan.Estate.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** {@code deploy}'s selection: a new wildcard RSA certificate where it is due, and nowhere else. */
class DeployPlanningTest {

    private static final DeploySelection NEW_WILDCARD =
            new DeploySelection("rsa-deployed", List.of("*.a.com", "a.com"), KeyType.RSA, days(90));

    private static EstatePlan deploy(Estate estate) {
        return EstatePlanner.plan(estate.snapshot(), PlanRequest.deploying(NEW_WILDCARD), NOW);
    }

    private static Estate estate() {
        return new Estate()
                .zone("zone-aaa").zone("zone-bbb")
                .cert("rsa-old", "RSA", days(10), "*.a.com", "a.com")
                .cert("rsa-later", "RSA", days(365), "*.a.com")
                .cert("ecc-old", "ECC", days(5), "*.a.com")
                .cert("b-old", "RSA", days(3), "*.b.com")
                .cert("rsa-deployed", "RSA", days(90), "*.a.com", "a.com")
                .host("zone-aaa", "www.a.com", "rsa-old")
                .host("zone-aaa", "a.com", "rsa-old")
                .host("zone-aaa", "pair.a.com", "rsa-old", "ecc-old")
                .host("zone-aaa", "newer.a.com", "rsa-later")
                .host("zone-aaa", "done.a.com", "rsa-deployed")
                .hostWith("zone-aaa", "free.a.com", "online", "eofreecert")
                .host("zone-bbb", "www.b.com", "b-old");
    }

    @Test
    void takesThePlaceOfOlderCertificatesOfItsKeyFamilyOnTheHostsItsNamesCover() {
        EstatePlan plan = deploy(estate());

        assertThat(plan.rows()).extracting(PlannedRow::host, PlannedRow::newCertIds, PlannedRow::currentCertIds)
                .containsExactly(
                        tuple("a.com", List.of("rsa-deployed"), List.of("rsa-old")),
                        tuple("pair.a.com", List.of("rsa-deployed", "ecc-old"), List.of("rsa-old", "ecc-old")),
                        tuple("www.a.com", List.of("rsa-deployed"), List.of("rsa-old")));
        assertThat(plan.rows()).allSatisfy(row -> assertThat(row.newNotAfter()).contains(days(90)));
    }

    @Test
    void leavesHostsOnANewerCertificateUncoveredHostsAndFreeCertificatesAlone() {
        EstatePlan plan = deploy(estate());

        assertThat(plan.rows()).extracting(PlannedRow::host)
                .doesNotContain("newer.a.com", "done.a.com", "free.a.com", "www.b.com");
        assertThat(plan.unplanned()).isEmpty();
    }

    @Test
    void aCertificateNotYetUploadedIsPlannedFromItsNamesKeyAndEnd() {
        DeploySelection notUploaded = new DeploySelection("(not uploaded)", NEW_WILDCARD.names(), KeyType.RSA,
                days(90));

        EstatePlan plan = EstatePlanner.plan(estate().snapshot(), PlanRequest.deploying(notUploaded), NOW);

        assertThat(plan.rows()).extracting(PlannedRow::host).containsExactly("a.com", "pair.a.com", "www.a.com");
    }

    @Test
    void nothingIsDueWhenEveryCoveredHostServesALaterCertificate() {
        EstatePlan plan = deploy(new Estate().zone("zone-aaa")
                .cert("rsa-later", "RSA", days(365), "*.a.com")
                .host("zone-aaa", "www.a.com", "rsa-later"));

        assertThat(plan.rows()).isEmpty();
    }
}
