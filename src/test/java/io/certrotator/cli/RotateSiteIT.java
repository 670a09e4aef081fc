package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.ApiSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rotate --site=cn|intl}, the API option that {@code inventory} and {@code plan} take, and excludes
 * {@code --endpoint} as there. Nothing here may reach Tencent Cloud: the one run that names a site holds only invalid
 * rows, which stop it before any call.
 */
class RotateSiteIT {

    private static final Credential CREDENTIAL = new Credential("AKIDrotatesite", "rotate-site-secret-key-3e2d");

    @TempDir
    Path dir;

    private ConsoleCapture rotate(String... options) throws IOException {
        Path input = Files.write(dir.resolve("rotation.csv"), List.of("zone_id,host,mode,cert_ids",
                "zone_not_an_id,a.example.com,sslcert,cert-site1"));
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--cert-rotator.home=" + dir.resolve("home"),
                "--progress=off"));
        args.addAll(List.of(options));
        return ConsoleCapture.of(() -> RotateCommand.run(CREDENTIAL, args.toArray(String[]::new)));
    }

    /** The run records where its calls go (job parameter {@code endpoint}). */
    private String endpointOfTheRun() throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("home/jobs") + ";AUTO_SERVER=TRUE",
                "sa", "");
             PreparedStatement query = h2.prepareStatement(
                     "SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'endpoint'");
             ResultSet endpoint = query.executeQuery()) {
            assertThat(endpoint.next()).as("a run recorded").isTrue();
            return endpoint.getString(1);
        }
    }

    @Test
    void siteIntlSendsTheRunsCallsToTheInternationalSite() throws IOException, SQLException {
        ConsoleCapture run = rotate("--site=intl");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("invalid zone ID", "nothing was sent");
        assertThat(endpointOfTheRun()).isEqualTo(ApiSite.INTL.endpoint().url())
                .isEqualTo("https://teo.intl.tencentcloudapi.com");
    }

    @Test
    void siteAndEndpointExcludeEachOther() throws IOException {
        ConsoleCapture run = rotate("--site=intl", "--endpoint=http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cert-rotator rotate: " + ApiAccessOptions.SITE_OR_ENDPOINT);
        assertThat(dir.resolve("home/jobs.mv.db")).doesNotExist();
    }

    @Test
    void simulateAndSiteExcludeEachOther() throws IOException {
        ConsoleCapture run = rotate("--site=intl", "--simulate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cert-rotator rotate: --simulate and --site exclude each other");
    }
}
