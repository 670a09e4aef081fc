package io.certrotator.plan;

import io.certrotator.input.CertMode;
import io.certrotator.input.Target;
import io.certrotator.results.PendingRow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HostGrouperTest {

    private final List<HostGroup> groups = new ArrayList<>();

    private static PendingRow row(long line, String zone, String host, String... certs) {
        return new PendingRow(line, zone, host, "sslcert", List.of(certs), 0);
    }

    private static Optional<Target> carrying(String certId) {
        return Optional.of(new Target(CertMode.SSLCERT, List.of(certId)));
    }

    private void group(int max, PendingRow... rows) {
        HostGrouper grouper = new HostGrouper(max, groups::add);
        for (PendingRow row : rows) {
            grouper.add(row, carrying("cert-old"));
        }
        grouper.flush();
    }

    @Test
    void hostsOfOneZoneAndCertificateShareOneGroup() {
        group(100, row(2, "zone-a", "a.example.com", "cert-1"), row(3, "zone-a", "b.example.com", "cert-1"));

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.hosts()).containsExactly("a.example.com", "b.example.com");
            assertThat(g.certIds()).containsExactly("cert-1");
        });
    }

    @Test
    void aDifferentZoneOrCertificateStartsANewGroup() {
        group(100, row(2, "zone-a", "a.example.com", "cert-1"), row(3, "zone-a", "b.example.com", "cert-2"),
                row(4, "zone-b", "c.example.com", "cert-2"));

        assertThat(groups).hasSize(3);
    }

    @Test
    void aGroupHoldsAtMostMaxHostsPerCall() {
        List<PendingRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(row(i + 2, "zone-a", "h" + String.format("%03d", i) + ".example.com", "cert-1"));
        }
        group(100, rows.toArray(PendingRow[]::new));

        assertThat(groups).hasSize(4).allSatisfy(g -> assertThat(g.hosts()).hasSize(100));
    }

    @Test
    void aFullGroupGoesOutAtOnceAndTheRestWhenTheZoneEnds() {
        HostGrouper grouper = new HostGrouper(2, groups::add);
        grouper.add(row(2, "zone-a", "a1.example.com", "cert-a"), carrying("cert-old"));
        grouper.add(row(3, "zone-a", "b1.example.com", "cert-b"), carrying("cert-old"));
        grouper.add(row(4, "zone-a", "a2.example.com", "cert-a"), carrying("cert-old"));
        grouper.add(row(5, "zone-a", "a3.example.com", "cert-a"), carrying("cert-old"));

        assertThat(groups).singleElement()
                .satisfies(g -> assertThat(g.hosts()).containsExactly("a1.example.com", "a2.example.com"));

        grouper.flush();

        // ceil(3 / 2) + ceil(1 / 2): the least the grouping allows, rows in any order
        assertThat(groups).hasSize(3);
        assertThat(groups.subList(1, 3)).extracting(HostGroup::hosts)
                .containsExactlyInAnyOrder(List.of("b1.example.com"), List.of("a3.example.com"));
    }

    @Test
    void hostsOnDifferentCertificatesTodayNeverShareAGroup() {
        HostGrouper grouper = new HostGrouper(100, groups::add);
        grouper.add(row(2, "zone-a", "a.example.com", "cert-new"), carrying("cert-old1"));
        grouper.add(row(3, "zone-a", "b.example.com", "cert-new"), carrying("cert-old2"));
        grouper.add(row(4, "zone-a", "c.example.com", "cert-new"), carrying("cert-old1"));
        grouper.flush();

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).hosts()).containsExactly("a.example.com", "c.example.com");
    }

    @Test
    void certificateIdsInAnotherOrderAreTheSameTarget() {
        HostGrouper grouper = new HostGrouper(100, groups::add);
        grouper.add(row(2, "zone-a", "a.example.com", "cert-rsa1", "cert-ecc1"), carrying("cert-old"));
        grouper.add(row(3, "zone-a", "b.example.com", "cert-ecc1", "cert-rsa1"), carrying("cert-old"));
        grouper.flush();

        assertThat(groups).singleElement()
                .satisfies(g -> assertThat(g.hosts()).containsExactly("a.example.com", "b.example.com"));
    }

    @Test
    void hostsWhoseConfigurationIsNotKnownShareAGroupOfTheirOwn() {
        HostGrouper grouper = new HostGrouper(100, groups::add);
        grouper.add(row(2, "zone-a", "a.example.com", "cert-new"), Optional.empty());
        grouper.add(row(3, "zone-a", "b.example.com", "cert-new"), carrying("cert-old"));
        grouper.add(row(4, "zone-a", "c.example.com", "cert-new"), Optional.empty());
        grouper.flush();

        assertThat(groups).extracting(HostGroup::hosts)
                .containsExactly(List.of("a.example.com", "c.example.com"), List.of("b.example.com"));
    }

    @Test
    void anExactDuplicateRowAddsALineNotAHost() {
        group(1, row(2, "zone-a", "a.example.com", "cert-1"), row(9, "zone-a", "a.example.com", "cert-1"));

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.hosts()).containsExactly("a.example.com");
            assertThat(g.lines()).containsExactly(2L, 9L);
        });
    }

    @Test
    void splittingKeepsEveryHostAndLineOnce() {
        group(100, row(2, "zone-a", "a.example.com", "cert-1"), row(3, "zone-a", "b.example.com", "cert-1"),
                row(4, "zone-a", "c.example.com", "cert-1"));

        List<HostGroup> halves = groups.get(0).split();

        assertThat(halves).hasSize(2);
        assertThat(halves.stream().flatMap(h -> h.hosts().stream()))
                .containsExactlyInAnyOrder("a.example.com", "b.example.com", "c.example.com");
        assertThat(halves.stream().flatMap(h -> h.lines().stream())).containsExactlyInAnyOrder(2L, 3L, 4L);
    }
}
