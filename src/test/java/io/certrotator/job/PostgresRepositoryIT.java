package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.cli.RotateCommand;
import io.certrotator.postgres.PostgresExtension;
import io.certrotator.postgres.PostgresServer;
import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.certrotator.job.Rotator.csv;
import static io.certrotator.job.Rotator.hostsOnOneCertificate;
import static io.certrotator.job.Rotator.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The rotation job with a PostgreSQL job repository: the command line, a real server, the simulator(). */
@ExtendWith(PostgresExtension.class)
class PostgresRepositoryIT {

    static final String SECRET_ID = "AKIDpostgresjobtest";
    static final String SECRET_KEY = "postgres-job-secret-key-3b2a1f";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY);
    static final String MODIFY = "ModifyHostsCertificate";

    @TempDir
    Path dir;
    PostgresServer server;
    PostgresServer.Database database;
    @RegisterExtension
    final SimulatedApi api = new SimulatedApi(CREDENTIAL);

    @BeforeEach
    void setUp(PostgresServer server) {
        this.server = server;
        database = server.newDatabase();
    }

    private EdgeOneSimulator simulatorSeededWith(Path csv, UnaryOperator<EdgeOneSimulator.Builder> more) {
        return api.seededWith(csv, more);
    }

    private EdgeOneSimulator simulator() {
        return api.simulator();
    }

    /** The command line an operator would type; each runner has its own home, as on its own machine. */
    private String[] arguments(Path input, String home, String... options) {
        return Stream.of(Stream.of("--input=" + input, api.endpointOption(),
                                "--cert-rotator.home=" + dir.resolve(home), "--cert-rotator.retry.base-delay=100ms"),
                        database.springOptions().stream(), Stream.of(options))
                .flatMap(s -> s).toArray(String[]::new);
    }

    private Rotator.Result rotate(Path input, String... options) {
        return new Rotator(dir.resolve("home")).rotate(CREDENTIAL, input, api.endpointOption(),
                Stream.concat(database.springOptions().stream(), Stream.of(options)).toArray(String[]::new));
    }

    @Test
    void theSampleRotationSucceedsEndToEndOnPostgres() throws IOException {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        simulatorSeededWith(input, b -> b);

        Rotator.Result result = rotate(input);

        assertThat(result.exitCode()).isZero();
        assertThat(report(dir.resolve("rotation.results.csv"))).hasSize(17)
                .allSatisfy((line, row) -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(result.out()).contains("rows: 17 total, 17 succeeded");
    }

    @Test
    void theSchemaIsCreatedOnFirstUseAndASecondStartOnTheSameDatabaseReusesIt() throws SQLException, IOException {
        Path first = csv(dir, "first.csv", hostsOnOneCertificate("zone-first1", "cert-a", 3, i -> "a" + i + ".example.com"));
        Path second = csv(dir, "second.csv", hostsOnOneCertificate("zone-second1", "cert-b", 3, i -> "b" + i + ".example.com"));
        Path seed = csv(dir, "seed.csv", Stream.concat(readLines(first).stream(), readLines(second).stream().skip(1)).toList());
        simulatorSeededWith(seed, b -> b);

        Rotator.Result created = rotate(first);
        long logBefore = Files.size(server.log());
        Rotator.Result reused = rotate(second);

        assertThat(created.exitCode()).isZero();
        assertThat(reused.exitCode()).as(reused.err()).isZero();
        assertThat(reused.err()).doesNotContain("Exception");
        // the second start runs no CREATE for a table that exists (the server would log each one as an error)
        assertThat(Files.readString(server.log()).substring((int) logBefore)).doesNotContain("already exists");
        assertThat(rotate(first).out()).contains("already completed");
        assertThat(tables()).contains("batch_job_instance", "batch_job_execution", "batch_step_execution", "cr_row",
                "cr_rate_bucket");
        assertThat(indexesOf("cr_row")).containsExactlyInAnyOrder("cr_row_pkey", "cr_row_group_order", "cr_row_host_target");
        assertThat(names("SELECT column_name FROM information_schema.columns WHERE table_name = 'cr_row'"))
                .contains("previous_mode", "previous_cert_ids");
    }

    @Test
    void aRunStoppedByRevokedCredentialsResumesOnPostgresAndFinishesEveryRowOnce() {
        Path input = csv(dir, "revoke.csv", hostsOnOneCertificate("zone-revoke1", "cert-r", 60,
                i -> "h" + i + ".example.com"));
        api.seededRevokingCredentialsAt(input, 20);

        Rotator.Result stopped = rotate(input, "--max-hosts-per-call=1");

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(report(dir.resolve("revoke.results.csv")).values())
                .anySatisfy(r -> assertThat(r.get("status")).isEqualTo("PENDING"));

        simulator().putCredentials(SECRET_ID, SECRET_KEY);
        Rotator.Result resumed = rotate(input, "--max-hosts-per-call=1");

        assertThat(resumed.exitCode()).isZero();
        assertThat(report(dir.resolve("revoke.results.csv"))).hasSize(60)
                .allSatisfy((line, r) -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(simulator().callLog().succeededByHost(MODIFY)).hasSize(60).allSatisfy((host, count) -> assertThat(count).isEqualTo(1L));
    }

    /**
     * Each runner at --rate=10 would alone send 10 calls a second, so two together stay under a server's 15 only by
     * sharing the bucket; the 5 to spare absorb the few milliseconds by which arrivals over real HTTP on a busy
     * machine can bunch. (How close together runners come to the rate is a throughput figure: jobs/bench.sh.)
     */
    @Test
    void twoRunnersOnOneDatabaseShareOneRateBudget() throws Exception {
        Path east = csv(dir, "east.csv", hostsOnOneCertificate("zone-east1", "cert-e", 60, i -> "e" + i + ".example.com"));
        Path west = csv(dir, "west.csv", hostsOnOneCertificate("zone-west1", "cert-w", 60, i -> "w" + i + ".example.com"));
        Path warmUp = csv(dir, "warm-up.csv", hostsOnOneCertificate("zone-warm1", "cert-x", 1, i -> "x.example.com"));
        Path seed = csv(dir, "seed.csv", Stream.of(readLines(east).stream(), readLines(west).stream().skip(1),
                readLines(warmUp).stream().skip(1)).flatMap(s -> s).toList());
        simulatorSeededWith(seed, b -> b.latency(Duration.ofMillis(175), Duration.ofMillis(75)).rateLimit(15));
        // A deployment's first run creates the schema, and a JVM's first call is slow (class loading) and
        // would arrive together with the next ones: the runners measured here start warm, on an existing schema.
        assertThat(rotate(warmUp, "--rate=10").exitCode()).isZero();
        simulator().callLog().clear();

        CompletableFuture<Integer> eastRun = CompletableFuture.supplyAsync(() -> RotateCommand.run(CREDENTIAL,
                arguments(east, "east-home", "--max-hosts-per-call=1", "--rate=10")));
        // Runners are separate JVMs in production; two Spring Boot applications starting at the same moment
        // in one JVM race for its one logging system, so the second starts once the first is sending.
        await().atMost(Duration.ofSeconds(30)).until(() -> !simulator().callLog().records(MODIFY).isEmpty());
        CompletableFuture<Integer> westRun = CompletableFuture.supplyAsync(() -> RotateCommand.run(CREDENTIAL,
                arguments(west, "west-home", "--max-hosts-per-call=1", "--rate=10")));

        assertThat(List.of(eastRun.get(), westRun.get())).containsExactly(0, 0);
        assertThat(simulator().callLog().rateLimitRefusals(MODIFY)).isZero();
        assertThat(simulator().callLog().succeededByHost(MODIFY))
                .hasSize(120).allSatisfy((host, count) -> assertThat(count).isEqualTo(1L));
        List<CallRecord> admitted = simulator().callLog().records(MODIFY).stream().filter(CallRecord::admitted)
                .sorted(Comparator.comparingLong(CallRecord::arrivalNanos)).toList();
        long westFirst = admitted.stream().filter(call -> call.hosts().get(0).startsWith("w")).findFirst().orElseThrow()
                .arrivalNanos();
        long eastLast = admitted.stream().filter(call -> call.hosts().get(0).startsWith("e"))
                .mapToLong(CallRecord::arrivalNanos).max().orElseThrow();
        assertThat(westFirst).as("the runners overlapped").isLessThan(eastLast);
        assertThat(admitted.stream().filter(call -> call.arrivalNanos() >= westFirst && call.arrivalNanos() <= eastLast)
                .map(call -> call.hosts().get(0).substring(0, 1)).distinct()).as("both sent while both ran")
                .containsExactlyInAnyOrder("e", "w");
    }

    @Test
    void theSameInputFromASecondMachineIsRefusedWhileTheFirstRuns() throws Exception {
        Path input = csv(dir, "twice.csv", hostsOnOneCertificate("zone-twice1", "cert-t", 60, i -> "t" + i + ".example.com"));
        simulatorSeededWith(input, b -> b.latency(Duration.ofMillis(100), Duration.ofMillis(20)));

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> RotateCommand.run(CREDENTIAL,
                arguments(input, "machine-a", "--max-hosts-per-call=1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !simulator().callLog().records(MODIFY).isEmpty());
        // another home: the file lock of machine A is not seen from machine B, only the database is shared
        Rotator.Result second = new Rotator(dir.resolve("machine-b")).rotate(CREDENTIAL, input, api.endpointOption(),
                Stream.concat(database.springOptions().stream(), Stream.of("--max-hosts-per-call=1"))
                        .toArray(String[]::new));

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("another run of this input is in progress")
                .contains("cert-rotator pid " + ProcessHandle.current().pid());
        assertThat(first.get()).isZero();
        assertThat(simulator().callLog().records(MODIFY)).hasSize(60);
    }

    @Test
    void aRunnerAtALowerRateUsesTheSharedBudgetMadeAtAHigherOne() {
        Path fast = csv(dir, "fast.csv", hostsOnOneCertificate("zone-fast1", "cert-f", 3, i -> "f" + i + ".example.com"));
        Path slow = csv(dir, "slow.csv", hostsOnOneCertificate("zone-slow1", "cert-s", 3, i -> "s" + i + ".example.com"));
        Path seed = csv(dir, "seed.csv", Stream.concat(readLines(fast).stream(), readLines(slow).stream().skip(1)).toList());
        simulatorSeededWith(seed, b -> b);

        assertThat(rotate(fast, "--max-hosts-per-call=1", "--rate=20").exitCode()).isZero();
        Rotator.Result slower = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> rotate(slow, "--max-hosts-per-call=1", "--rate=10"));

        assertThat(slower.exitCode()).isZero();
        assertThat(slower.out()).contains("rows: 3 total, 3 succeeded");
    }

    @Test
    void theSecretKeyAppearsNowhereInTheDatabaseOrTheOutputAfterARun() throws Exception {
        Path input = Files.copy(Path.of("samples/rotation.csv"), dir.resolve("rotation.csv"));
        simulatorSeededWith(input, b -> b);

        Rotator.Result result = rotate(input, "--logging.level.root=DEBUG");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(SECRET_KEY).doesNotContain(PostgresServer.PASSWORD);
        String dump = server.dump(database);
        assertThat(dump).contains("CREATE TABLE public.cr_row").contains("zone-8kq3m1z0pa7");
        assertThat(dump).doesNotContain(SECRET_KEY);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(SECRET_KEY);
            }
        }
    }

    private List<String> tables() throws SQLException {
        return names("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private List<String> indexesOf(String table) throws SQLException {
        return names("SELECT indexname FROM pg_indexes WHERE tablename = '" + table + "'");
    }

    private List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1).toLowerCase());
            }
        }
        return names;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
