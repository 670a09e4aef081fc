package io.certrotator.plan;

import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.HostState;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.input.RotationRow;
import io.certrotator.results.RowOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InputSurveyTest {

    private static RotationRow row(long line, String zone, String host, String... certs) {
        return new RotationRow(line, zone, host, "sslcert", List.of(certs), null);
    }

    private static InputSurvey survey(int maxHostsPerCall, RotationRow... rows) {
        InputSurvey survey = new InputSurvey(maxHostsPerCall, false);
        for (RotationRow row : rows) {
            survey.see(row);
        }
        return survey;
    }

    @Test
    void hostsOfOneTargetShareCallsUpToTheCap() {
        PlanSummary plan = survey(2, row(2, "zone-a", "a.com", "cert-1"), row(3, "zone-a", "b.com", "cert-1"),
                row(4, "zone-a", "c.com", "cert-1"), row(5, "zone-b", "a.com", "cert-1")).plan(Map.of(), Map.of());

        assertThat(plan.hosts()).isEqualTo(4);
        assertThat(plan.targets()).isEqualTo(2);
        assertThat(plan.calls()).isEqualTo(3);
        assertThat(plan.firstTargets()).containsExactly(new PlanSummary.TargetCount("zone-a", "sslcert", "cert-1", 3),
                new PlanSummary.TargetCount("zone-b", "sslcert", "cert-1", 1));
    }

    @Test
    void hostsOfOneZoneShareCallsWhereverTheirRowsAre() {
        PlanSummary plan = survey(100, row(2, "zone-a", "a.com", "cert-1"), row(3, "zone-b", "a.com", "cert-1"),
                row(4, "zone-a", "b.com", "cert-1"), row(5, "zone-b", "b.com", "cert-1")).plan(Map.of(), Map.of());

        assertThat(plan.calls()).isEqualTo(2);
    }

    @Test
    void hostsWhoseLiveStateWasNotReadShareCallsApartFromTheOthers() {
        InputSurvey survey = survey(100, row(2, "zone-a", "a.com", "cert-1"), row(3, "zone-a", "b.com", "cert-1"),
                row(4, "zone-b", "c.com", "cert-1"), row(5, "zone-b", "d.com", "cert-1"));

        PlanSummary plan = survey.plan(Map.of("zone-a", Map.of("a.com", config("cert-0"), "b.com", config("cert-0"))),
                Map.of());

        assertThat(plan.hosts()).isEqualTo(4);
        assertThat(plan.calls()).isEqualTo(2);
    }

    @Test
    void anExactDuplicateRowIsOneHostAndNoConflict() {
        InputSurvey survey = survey(100, row(2, "zone-a", "a.com", "cert-1", "cert-2"),
                row(3, "zone-a", "a.com", "cert-2", "cert-1"));

        assertThat(survey.hasConflicts()).isFalse();
        assertThat(survey.plan(Map.of(), Map.of()).hosts()).isEqualTo(1);
        assertThat(survey.plan(Map.of(), Map.of()).firstTargets().get(0).certIds()).isEqualTo("cert-1;cert-2");
    }

    @Test
    void everyRowOfAHostListedWithDifferentTargetsPointsAtALineWantingSomethingElse() {
        RotationRow first = row(2, "zone-a", "a.com", "cert-1");
        RotationRow other = row(3, "zone-a", "b.com", "cert-1");
        RotationRow different = row(4, "zone-a", "a.com", "cert-2");
        RotationRow again = row(5, "zone-a", "a.com", "cert-1");
        InputSurvey survey = survey(100, first, other, different, again);

        assertThat(survey.hasConflicts()).isTrue();
        assertThat(survey.verdict(first).problem()).isEqualTo("same zone and host as line 4 with a different target");
        assertThat(survey.verdict(different).problem()).isEqualTo("same zone and host as line 2 with a different target");
        assertThat(survey.verdict(again).problem()).isEqualTo("same zone and host as line 4 with a different target");
        assertThat(survey.verdict(other).valid()).isTrue();
        assertThat(survey.plan(Map.of(), Map.of()).hosts()).isEqualTo(1);
        assertThat(survey.hostsByZone()).isEqualTo(Map.of("zone-a", List.of("b.com")));
    }

    @Test
    void theLiveStateLeavesOutHostsDoneOrNotListedAndSeparatesDifferentConfigurations() {
        InputSurvey survey = survey(100, row(2, "zone-a", "done.com", "cert-1"), row(3, "zone-a", "old.com", "cert-1"),
                row(4, "zone-a", "other.com", "cert-1"), row(5, "zone-a", "gone.com", "cert-1"));
        Map<String, Map<String, HostConfig>> live = Map.of("zone-a", Map.of(
                "done.com", config("cert-1"), "old.com", config("cert-0"), "other.com", config("cert-9")));

        PlanSummary plan = survey.plan(live, Map.of());

        assertThat(plan.alreadyDone()).isEqualTo(1);
        assertThat(plan.notListed()).isEqualTo(1);
        assertThat(plan.hosts()).isEqualTo(2);
        assertThat(plan.calls()).isEqualTo(2);
    }

    @Test
    void hundredsOfThousandsOfDistinctHostsAreCountedExactly() {
        InputSurvey survey = new InputSurvey(100, false);
        for (int i = 0; i < 300_000; i++) {
            survey.see(row(i + 2, "zone-z" + i % 97, "h" + i + ".example.com", "cert-" + i / 2));
        }

        PlanSummary plan = survey.plan(Map.of(), Map.of());

        assertThat(survey.hasConflicts()).isFalse();
        assertThat(plan.hosts()).isEqualTo(300_000);
        assertThat(plan.targets()).isEqualTo(300_000);
        assertThat(plan.calls()).isEqualTo(300_000);
    }

    @Test
    void rowsThatWouldFailBeforeAnyCallAreCountedPerCodeAndPlannedNoCall() {
        InputSurvey survey = survey(100, row(2, "zone-a", "banned.com", "cert-1"), row(3, "zone-a", "banned.com",
                "cert-1"), row(4, "zone-a", "ok.com", "cert-1"), row(5, "zone-p", "a.com", "cert-1"),
                row(6, "zone-p", "b.com", "cert-1"));
        Map<String, Map<String, HostConfig>> live = Map.of("zone-a", Map.of(
                "banned.com", new HostConfig("sslcert", List.of(), HostState.FORBIDDEN), "ok.com", config("cert-0")));
        StateRefusal paused = new StateRefusal(StateRefusal.ZONE_PAUSED, "zone zone-p is paused");

        PlanSummary plan = survey.plan(live, Map.of("zone-p", paused));

        assertThat(plan.failingBeforeCall()).containsExactly(Map.entry(StateRefusal.HOST_FORBIDDEN, 2L),
                Map.entry(StateRefusal.ZONE_PAUSED, 2L));
        assertThat(plan.hosts()).isEqualTo(1);
        assertThat(plan.calls()).isEqualTo(1);
    }

    @Test
    void eachRowGetsWhatThePlanDecidedForItsHost() {
        RotationRow banned = row(2, "zone-a", "banned.com", "cert-1");
        RotationRow done = row(3, "zone-a", "done.com", "cert-1");
        RotationRow sent = row(4, "zone-a", "old.com", "cert-1");
        RotationRow inPausedZone = row(5, "zone-p", "a.com", "cert-1");
        InputSurvey survey = survey(100, banned, done, sent, inPausedZone);
        StateRefusal paused = new StateRefusal(StateRefusal.ZONE_PAUSED, "zone zone-p is paused");

        survey.plan(Map.of("zone-a", Map.of("banned.com", new HostConfig("sslcert", List.of(), HostState.FORBIDDEN),
                "done.com", config("cert-1"), "old.com", config("cert-0"))), Map.of("zone-p", paused));

        assertThat(survey.decision(banned)).isInstanceOf(RowDecision.Refused.class);
        assertThat(survey.decision(done)).isEqualTo(RowDecision.UNCHANGED);
        assertThat(survey.decision(sent)).isEqualTo(RowDecision.SEND);
        assertThat(survey.decision(inPausedZone)).isEqualTo(new RowDecision.Refused(paused));
    }

    @Test
    void aRowThatWouldDropAKeyTypeIsPlannedACallWhenDroppingIsAllowed() {
        RotationRow row = row(2, "zone-a", "a.com", "cert-rsa");
        HostConfig rsaAndEcc = new HostConfig("sslcert", List.of(
                new HostConfig.Cert("cert-rsa", HostConfig.DEPLOYED, "RSA 2048"),
                new HostConfig.Cert("cert-ecc", HostConfig.DEPLOYED, "ECC 256")), HostState.ONLINE);
        InputSurvey refusing = survey(100, row);
        InputSurvey allowing = new InputSurvey(100, true);
        allowing.see(row);

        PlanSummary refused = refusing.plan(Map.of("zone-a", Map.of("a.com", rsaAndEcc)), Map.of());
        PlanSummary allowed = allowing.plan(Map.of("zone-a", Map.of("a.com", rsaAndEcc)), Map.of());

        assertThat(refused.failingBeforeCall()).containsExactly(Map.entry(RowOutcome.WOULD_DROP_CERTIFICATE, 1L));
        assertThat(refused.calls()).isZero();
        assertThat(allowed.failingBeforeCall()).isEmpty();
        assertThat(allowed.calls()).isEqualTo(1);
    }

    private static HostConfig config(String certId) {
        return new HostConfig("sslcert", List.of(new HostConfig.Cert(certId, HostConfig.DEPLOYED)));
    }
}
