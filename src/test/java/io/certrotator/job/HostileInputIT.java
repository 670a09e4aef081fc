package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.simulator.CallRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a new user or a broken export may give the job, run end to end against the simulator over HTTP: each is
 * one clear line naming the line (or a safe result), exit 2 with nothing sent, nothing on the terminal but
 * printable text, and a report that stays a well-formed CSV.
 */
class HostileInputIT {

    static final Credential CREDENTIAL = new Credential("AKIDhostileinputtest", "hostile-input-secret-key-31");
    static final String HEADER = "zone_id,host,mode,cert_ids";
    static final String GOOD_ROW = "zone-hostile1,good.example.com,sslcert,cert-new";

    @TempDir
    Path dir;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);
    @RegisterExtension
    final Rotator rotator = new Rotator();

    @BeforeEach
    void seed() {
        api.seededWith(csv(dir, "estate.csv", HEADER, GOOD_ROW, "zone-hostile1,straße.de,sslcert,cert-new"));
    }

    private Rotator.Result rotate(Path input) {
        return rotator.rotate(CREDENTIAL, input, api.endpointOption());
    }

    private void assertRefusedBeforeAnyCall(Rotator.Result result) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(api.simulator().callLog().records()).isEmpty();
    }

    private static void assertEveryLineShortAndPrintable(String text) {
        assertThat(text.lines()).allSatisfy(line -> {
            assertThat(line.length()).isLessThan(400);
            assertThat(line.chars()).noneMatch(c -> Character.isISOControl(c) && c != '\t');
        });
    }

    @Test
    void aTenMegabyteHostCellIsOneShortLineNamingItsLine() throws IOException {
        Path input = dir.resolve("huge.csv");
        try (Writer out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n" + GOOD_ROW + "\nzone-hostile1,");
            String block = "a".repeat(1 << 20);
            for (int i = 0; i < 10; i++) {
                out.write(block);
            }
            out.write(".example.com,sslcert,cert-new\n");
        }

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("line 3 starts a record longer than 65536 characters");
        assertEveryLineShortAndPrintable(result.out() + result.err());
    }

    @Test
    void aLongBadValueIsQuotedByAShortPrefixAndItsLength() {
        String host = "a".repeat(60_000) + "..example.com";
        Path input = csv(dir, "long.csv", HEADER, GOOD_ROW, "zone-hostile1," + host + ",sslcert,cert-new");

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("line 3: host \"aaaa").contains("…(" + host.length() + " chars)");
        assertEveryLineShortAndPrintable(result.out() + result.err());
    }

    @Test
    void controlCharactersMakeTheirRowsInvalidAreShownEscapedAndTheReportStaysWellFormed() throws IOException {
        Path input = csv(dir, "controls.csv", HEADER, GOOD_ROW,
                "zone-hostile1,\u001B[31mred.example.com,sslcert,cert-new",
                "zone-hostile1,back\bspace.example.com,sslcert,cert-new",
                "zone-hostile1,nul.example.com,sslcert,cert-\u0000new");

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("line 3:", "\\u001B[31m", "line 4:", "\\u0008", "line 5:", "\\u0000");
        assertEveryLineShortAndPrintable(result.out() + result.err());
        Path reportFile = dir.resolve("controls.results.csv");
        assertThat(Files.readString(reportFile).chars())
                .noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r');
        Map<Long, Map<String, String>> rows = report(reportFile);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3L)).containsEntry("status", "INVALID").containsEntry("host", "\\u001B[31mred.example.com");
        assertThat(rows.get(4L)).containsEntry("status", "INVALID");
        assertThat(rows.get(5L)).containsEntry("status", "INVALID").containsEntry("cert_ids", "cert-\\u0000new");
    }

    @Test
    void anInternationalNameIsSentInItsUts46NonTransitionalForm() {
        Path input = csv(dir, "idn.csv", HEADER, "zone-hostile1,Straße.de,sslcert,cert-new");

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.simulator().callLog().records("ModifyHostsCertificate"))
                .flatExtracting(CallRecord::hosts).containsExactly("xn--strae-oqa.de");
        assertThat(report(dir.resolve("idn.results.csv")).get(2L)).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void aNameUts46RejectsIsAnInvalidRow() {
        Path input = csv(dir, "zwj.csv", HEADER, GOOD_ROW, "zone-hostile1,a\u200Db.example.com,sslcert,cert-new");

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("line 3: host \"a\\u200Db.example.com\" is not a valid international name"
                + " (UTS #46");
    }

    @Test
    void aUtf16FileIsOneLineSayingSo() throws IOException {
        Path input = Files.write(dir.resolve("utf16.csv"),
                ("\uFEFF" + HEADER + "\n" + GOOD_ROW + "\n").getBytes(StandardCharsets.UTF_16LE));

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("is UTF-16", "save the file as UTF-8");
    }

    @Test
    void aRowWithAnotherNumberOfCellsNamesItsLine() {
        Path input = csv(dir, "ragged.csv", HEADER, GOOD_ROW, "zone-hostile1,other.example.com,sslcert,cert-1,cert-2");

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("line 3 has 5 cells where the header has 4");
    }

    @Test
    void aHeaderRepeatedMidFileNamesItsLine() {
        Path input = csv(dir, "joined.csv", HEADER, GOOD_ROW, HEADER, "zone-hostile1,straße.de,sslcert,cert-new");

        Rotator.Result result = rotate(input);

        assertRefusedBeforeAnyCall(result);
        assertThat(result.err()).contains("line 3 is a header row again");
    }
}
