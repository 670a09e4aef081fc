package io.certrotator.results;

import io.certrotator.input.CertMode;
import io.certrotator.input.RotationRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ResultsRepository#forEachPendingInGroupOrder} on H2, over more rows than one page holds. */
class PendingInGroupOrderTest {

    private static final long INSTANCE = 7;

    private final DriverManagerDataSource database =
            new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final ResultsRepository results;

    PendingInGroupOrderTest() {
        new ResourceDatabasePopulator(new ClassPathResource("io/certrotator/results/schema.sql")).execute(database);
        new ResultsSchema(jdbc);
        results = new ResultsRepository(jdbc, new RowTally());
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void everyPendingRowComesOnceInZoneTargetHostAndLineOrderAcrossPages() throws Exception {
        List<RotationRow> rows = new ArrayList<>();
        long line = 2;
        // pages end inside one host's lines, inside one target's hosts, inside one zone's targets and between zones
        for (int i = 0; i < 2_500; i++) {
            rows.add(row(line++, "zone-b", "dup.example.com", "cert-1"));
        }
        for (int i = 0; i < 2_300; i++) {
            rows.add(row(line++, "zone-b", "h" + i + ".example.com", "cert-2"));
        }
        for (int i = 0; i < 2_600; i++) {
            rows.add(row(line++, "zone-a", "t" + i + ".example.com", "cert-" + (i % 1_300)));
        }
        for (int i = 0; i < 1_700; i++) {
            rows.add(row(line++, "zone-" + (char) ('c' + i % 20), "z" + i + ".example.com", "cert-9"));
        }
        rows.add(new RotationRow(line, "zone-a", "bad..example.com", "sslcert", List.of("cert-1"), "host is invalid"));
        results.rowWriter(INSTANCE).write(new Chunk<>(rows));
        List<Long> expected = jdbc.queryForList("SELECT LINE FROM CR_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'PENDING'"
                + " ORDER BY ZONE_ID, TARGET_KEY, HOST, LINE", Long.class, INSTANCE);

        List<Long> read = new ArrayList<>();
        results.forEachPendingInGroupOrder(INSTANCE, row -> read.add(row.line()));

        assertThat(expected).hasSize(rows.size() - 1);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void rowsOfOneZoneShareItsIdAndHostsOfOneTargetShareItsCertificateIds() throws Exception {
        results.rowWriter(INSTANCE).write(new Chunk<>(List.of(row(2, "zone-a", "a.example.com", "cert-1"),
                row(3, "zone-a", "b.example.com", "cert-1"), row(4, "zone-a", "c.example.com", "cert-2"))));

        List<PendingRow> read = new ArrayList<>();
        results.forEachPendingInGroupOrder(INSTANCE, read::add);

        assertThat(read).extracting(PendingRow::zoneId).containsOnly("zone-a");
        assertThat(read.get(1).zoneId()).isSameAs(read.get(0).zoneId());
        assertThat(read.get(2).zoneId()).isSameAs(read.get(0).zoneId());
        assertThat(read).extracting(PendingRow::certIds)
                .containsExactly(List.of("cert-1"), List.of("cert-1"), List.of("cert-2"));
        assertThat(read.get(1).certIds()).isSameAs(read.get(0).certIds());
        assertThat(read.get(0).mode()).isSameAs(CertMode.SSLCERT.apiValue());
    }

    @Test
    void noPendingRowReadsNothing() {
        List<PendingRow> read = new ArrayList<>();

        results.forEachPendingInGroupOrder(INSTANCE, read::add);

        assertThat(read).isEmpty();
    }

    private static RotationRow row(long line, String zone, String host, String certId) {
        return new RotationRow(line, zone, host, "sslcert", List.of(certId), null);
    }
}
