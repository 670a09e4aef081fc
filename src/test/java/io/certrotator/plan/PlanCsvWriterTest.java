package io.certrotator.plan;

import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.certrotator.plan.Estate.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PlanCsvWriterTest {

    private static final PlannedRow PAIR = new PlannedRow("zone-2fgd17m17xw", "pair.example.com", "sslcert",
            List.of("cert-rsa00002", "cert-ecc00001"), "sslcert", List.of("cert-rsa00001", "cert-ecc00001"),
            Optional.of(days(10)), Optional.of(days(365)), "zone paused; host offline");
    private static final PlannedRow BACK_TO_FREE = new PlannedRow("zone-2fgd17m17xw", "shop.example.com", "eofreecert",
            List.of(), "sslcert", List.of("cert-rsa00002"), Optional.empty(), Optional.empty(), "");

    @Test
    void writesTheContractColumnsThenTheInformationalOnes() {
        StringBuilder out = new StringBuilder();

        PlanCsvWriter.write(List.of(PAIR), out);

        assertThat(out.toString()).isEqualTo(
                "zone_id,host,mode,cert_ids,current_mode,current_cert_ids,current_not_after,new_not_after,reason\r\n"
                        + "zone-2fgd17m17xw,pair.example.com,sslcert,cert-rsa00002;cert-ecc00001,sslcert,"
                        + "cert-rsa00001;cert-ecc00001,2026-12-11T00:00:00Z,2027-12-01T00:00:00Z,"
                        + "zone paused; host offline\r\n");
    }

    @Test
    void writtenPlanIsReadBackByTheRotationCsvReaderAsValidRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PlanCsvWriter.write(List.of(PAIR, BACK_TO_FREE), writer);
        }

        List<RotationRow> rows = new ArrayList<>();
        try (RotationCsvReader reader = RotationCsvReader.open(file)) {
            reader.forEachRemaining(rows::add);
        }

        assertThat(rows).extracting(RotationRow::problem).containsOnlyNulls();
        assertThat(rows).extracting(RotationRow::line, RotationRow::zoneId, RotationRow::host, RotationRow::mode,
                RotationRow::certIds).containsExactly(
                tuple(2L, "zone-2fgd17m17xw", "pair.example.com", "sslcert",
                        List.of("cert-rsa00002", "cert-ecc00001")),
                tuple(3L, "zone-2fgd17m17xw", "shop.example.com", "eofreecert",
                        List.of()));
    }
}
