package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.postgres.PostgresServer;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL job repository going away in the middle of a run, as {@code pg_ctl stop} or a failover
 * ({@code pg_ctl restart}) takes it: the run ends at once in one line, and the same command resumes it once the
 * database is back. The server is this class's own, since stopping it would end other tests' sessions.
 */
class RepositoryOutageIT {

    static final String SECRET_ID = "AKIDrepositoryoutage";
    static final String SECRET_KEY = "repository-outage-secret-key-9e1";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY);
    static final String MODIFY = "ModifyHostsCertificate";
    static final int ROWS = 40;

    static PostgresServer server;

    @TempDir
    Path dir;
    PostgresServer.Database database;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);

    @BeforeAll
    static void startServer() throws Exception {
        var binaries = PostgresServer.findBinaries();
        Assumptions.assumeTrue(binaries.isPresent() || "true".equalsIgnoreCase(System.getenv("CI")),
                "PostgreSQL not installed");
        server = PostgresServer.start(binaries.orElseThrow());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newDatabase() {
        database = server.newDatabase();
    }

    @Test
    void aRunWhoseDatabaseStopsEndsInOneLineAndTheSameCommandResumesItOnceTheDatabaseIsBack() throws Exception {
        Path input = slowRun("stop.csv", "zone-stop1");

        Rotator.Result stopped = whileRunning(input, server::stop);

        assertEndedInOneLineSayingTheRepositoryWentAway(stopped);
        assertThat(simulator().callLog().records(MODIFY)).as("the run went on no further").hasSizeLessThan(ROWS);
        server.start();
        assertThat(assertTheRerunFinishesEveryRow(input, "stop.results.csv").out()).contains("recovered run 1");
    }

    @Test
    void aRunWhoseDatabaseRestartsEndsInOneLineAndTheSameCommandResumesIt() throws Exception {
        Path input = slowRun("restart.csv", "zone-restart1");

        Rotator.Result stopped = whileRunning(input, server::restart);

        // the sessions the restart ended may all have been replaced before the run needed one: then it finished
        assertThat(stopped.exitCode()).as(stopped.err()).isIn(0, 1);
        if (stopped.exitCode() == 1) {
            assertNoStackTraceAndOneResumeCommand(stopped);
            assertThat(stopped.out() + stopped.err()).contains("lost the job repository (127.0.0.1:");
        }
        assertTheRerunFinishesEveryRow(input, "restart.results.csv");
    }

    @Test
    void aRunWhoseEndTheRepositoryCouldNotRecordIsResumedByTheSameCommand() throws Exception {
        Path input = csv(dir, "unknown.csv", hostsOnOneCertificate("zone-unknown1", "cert-u", ROWS,
                i -> "u" + i + ".example.com"));
        api.seededRevokingCredentialsAt(input, 10);
        assertThat(rotate(input).exitCode()).isEqualTo(1);
        // what Spring Batch records when writing an execution's status failed and the database came back later
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                    + " WHERE step_name = 'rotateCertificates'");
            statement.executeUpdate("UPDATE batch_job_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN'");
        }
        simulator().putCredentials(SECRET_ID, SECRET_KEY);

        Rotator.Result resumed = assertTheRerunFinishesEveryRow(input, "unknown.results.csv");

        assertThat(resumed.out()).contains("recovered run 1, whose end the job repository could not record");
        try (var connection = database.connect(); var statement = connection.createStatement();
             var statuses = statement.executeQuery("SELECT status, exit_message FROM batch_job_execution"
                     + " ORDER BY job_execution_id")) {
            assertThat(statuses.next()).isTrue();
            assertThat(statuses.getString(1)).isEqualTo("FAILED");
            assertThat(statuses.getString(2)).contains("could not record how this execution ended");
            assertThat(statuses.next()).isTrue();
            assertThat(statuses.getString(1)).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aRepositoryRefusingConnectionsAtStartStopsTheRunNamingItsServer() {
        Path input = slowRun("refused.csv", "zone-refused1");
        String closedPort = "127.0.0.1:" + freePort();

        Rotator.Result refused = new Rotator(dir.resolve("home")).rotate(CREDENTIAL, input, api.endpointOption(),
                "--spring.datasource.url=jdbc:postgresql://" + closedPort + "/certrotator",
                "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=" + PostgresServer.PASSWORD);

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot reach the job repository (" + closedPort + "): Connection refused")
                .contains("once it is reachable").doesNotContain(PostgresServer.PASSWORD).doesNotContain("\tat ");
        assertThat(simulator().callLog().records(MODIFY)).isEmpty();
    }

    @Test
    void aRepositoryUrlOfNoKnownDriverIsAConfigurationMistake() {
        Path input = slowRun("typo.csv", "zone-typo1");

        Rotator.Result typo = new Rotator(dir.resolve("home")).rotate(CREDENTIAL, input, api.endpointOption(),
                "--spring.datasource.url=jdbc:postgres://127.0.0.1:5432/certrotator?password=in-the-url-7f3",
                "--spring.datasource.username=" + PostgresServer.USER);

        assertThat(typo.exitCode()).as(typo.err()).isEqualTo(2);
        assertThat(typo.err())
                .contains("--spring.datasource.url (jdbc:postgres://127.0.0.1:5432/certrotator) is not a URL of a known")
                .contains("jdbc:postgresql://HOST:PORT/DATABASE").doesNotContain("in-the-url-7f3")
                .doesNotContain("org.h2.Driver");
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path slowRun(String name, String zone) {
        Path input = csv(dir, name, hostsOnOneCertificate(zone, "cert-" + zone, ROWS,
                i -> "h" + i + "." + zone + ".com"));
        api.seededWith(input, b -> b);
        return input;
    }

    /** Rotates {@code input} at 4 calls a second and does {@code outage} once 6 calls were made. */
    private Rotator.Result whileRunning(Path input, Outage outage) throws Exception {
        CompletableFuture<Rotator.Result> run = CompletableFuture.supplyAsync(() -> rotate(input));
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator().callLog().records(MODIFY).size() >= 6);
        outage.run();
        return run.get(60, TimeUnit.SECONDS);
    }

    private void assertEndedInOneLineSayingTheRepositoryWentAway(Rotator.Result stopped) {
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
        assertThat(stopped.err()).contains("cert-rotator: lost the job repository (127.0.0.1:")
                .contains("PENDING").contains("once the database is back");
        assertNoStackTraceAndOneResumeCommand(stopped);
    }

    private static void assertNoStackTraceAndOneResumeCommand(Rotator.Result stopped) {
        String printed = stopped.out() + stopped.err();
        assertThat(printed).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain(PostgresServer.PASSWORD);
        assertThat(printed.split("run the same command again", -1)).as(printed).hasSize(2);
    }

    private Rotator.Result assertTheRerunFinishesEveryRow(Path input, String report) {
        long callsBefore = simulator().callLog().records(MODIFY).size();

        Rotator.Result resumed = rotate(input);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(report(dir.resolve(report))).hasSize(ROWS)
                .allSatisfy((line, row) -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        // every host changed once, but the one whose answer the outage kept from being recorded, twice at most
        assertThat(simulator().callLog().succeededByHost(MODIFY)).hasSize(ROWS)
                .allSatisfy((host, count) -> assertThat(count).isBetween(1L, 2L));
        assertThat(simulator().callLog().records(MODIFY).size() - callsBefore).isLessThanOrEqualTo(ROWS);
        return resumed;
    }

    private Rotator.Result rotate(Path input) {
        return new Rotator(dir.resolve("home")).rotate(CREDENTIAL, input, api.endpointOption(),
                Stream.concat(database.springOptions().stream(), Stream.of("--rate=4", "--max-hosts-per-call=1"))
                        .toArray(String[]::new));
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    private interface Outage {
        void run() throws Exception;
    }
}
