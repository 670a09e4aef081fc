package io.certrotator.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files under {@code samples/} are documentation; these tests keep them telling the truth. */
class SamplesTest {

    private static List<RotationRow> readSample(String name) {
        List<RotationRow> rows = new ArrayList<>();
        try (RotationCsvReader reader = RotationCsvReader.open(Path.of("samples", name))) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void rotationSampleHasOnlyValidRows() {
        List<RotationRow> rows = readSample("rotation.csv");

        assertThat(rows).hasSize(17).allSatisfy(row -> assertThat(row.problem()).isNull());
        assertThat(rows).extracting(RotationRow::host).contains("xn--bcher-kva.example.org");
    }

    @Test
    void invalidSampleShowsEachRowProblemWithItsLine() {
        List<String> problems = readSample("invalid.csv").stream()
                .filter(row -> !row.valid()).map(RotationRow::problemMessage).toList();

        assertThat(problems).containsExactly(
                "line 6: unknown mode \"sslcertt\"",
                "line 8: invalid zone ID \"zone_2fgd17m17xw\"",
                "line 10: host \"m..shop.example.com\" is not a valid DNS name",
                "line 12: mode sslcert needs at least one certificate ID",
                "line 14: mode eofreecert takes no certificate IDs, got \"cert-blog2025f\"");
    }

    @Test
    void messySampleReadsAsCleanRowsWithPhysicalLines() {
        assertThat(readSample("messy-but-valid.csv")).containsExactly(
                new RotationRow(4, "zone-8kq3m1z0pa7", "www.example.com", "sslcert",
                        List.of("cert-rsa2025x1", "cert-ecc2025x1"), null),
                new RotationRow(6, "zone-2fgd17m17xw", "eu.shop.example.com", "sslcert", List.of("cert-wshop2025a"), null),
                new RotationRow(7, "zone-2fgd17m17xw", "us.shop.example.com", "sslcert", List.of("cert-wshop2025a"), null),
                new RotationRow(11, "zone-9rw4e6n2ud8", "xn--bcher-kva.example.org", "eofreecert", List.of(), null));
    }
}
