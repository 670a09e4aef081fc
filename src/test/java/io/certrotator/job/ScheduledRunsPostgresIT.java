package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.postgres.PostgresExtension;
import io.certrotator.postgres.PostgresServer;
import io.certrotator.simulator.EdgeOneSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled form on runners of their own homes that share a PostgreSQL job repository. */
@ExtendWith(PostgresExtension.class)
class ScheduledRunsPostgresIT {

    @TempDir
    Path dir;
    PostgresServer.Database database;
    EdgeOneSimulator simulator;
    final AtomicInteger okCalls = new AtomicInteger();

    @BeforeEach
    void setUp(PostgresServer server) {
        database = server.newDatabase();
        simulator = ScheduledRunsIT.estateDue(okCalls);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private List<String> scheduledArgs(String... more) {
        List<String> args = new ArrayList<>(database.springOptions());
        args.addAll(List.of(more));
        return ScheduledRunsIT.scheduledArgs(simulator, args);
    }

    @Test
    void aScheduledRunFromAnotherHomeOnTheSameDatabaseRefusesWhileTheFirstIsAlive() throws Exception {
        ChildRun first = ChildRun.start(dir.resolve("machine-a"), ScheduledRunsIT.SECRET_ID,
                ScheduledRunsIT.SECRET_KEY, scheduledArgs("--rate=3").toArray(String[]::new));
        first.awaitOkCalls(okCalls, 3);

        // another home: the file lock of machine A is not seen from machine B, only the database is shared
        Rotator.Result second = new Rotator(dir.resolve("machine-b")).run(
                new Credential(ScheduledRunsIT.SECRET_ID, ScheduledRunsIT.SECRET_KEY),
                scheduledArgs().toArray(String[]::new));

        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(1);
        assertThat(second.err()).contains("another scheduled rotation is in progress (cert-rotator pid " + first.pid());
        assertThat(first.exitCode(120)).as(first.out()).isZero();
        assertThat(simulator.callLog().succeededByHost(ScheduledRunsIT.MODIFY)).hasSize(ScheduledRunsIT.HOSTS)
                .allSatisfy((host, calls) -> assertThat(calls).isEqualTo(1L));
    }
}
