package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.estate.EstateReaders;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.job.RateBudget;
import io.certrotator.plan.AppliedChange;
import io.certrotator.plan.EstatePlan;
import io.certrotator.plan.PlanCsvWriter;
import io.certrotator.plan.RollbackPlanner;
import io.certrotator.plan.Unplanned;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rollback --run=N [--output=FILE]}: writes the rotation CSV that puts every SUCCEEDED host of run N back to
 * what it carried before, reading the estate of the run's zones to skip the hosts that changed since.
 */
@Command(name = "rollback",
        description = {"Writes the rotation CSV (for rotate --input) that puts every SUCCEEDED host of a past run"
                + " (`history` lists them) back to the configuration it had before the run. Reads the run's zones:"
                + " a host that changed since (it no longer carries what the run applied), whose previous"
                + " configuration was not recorded, or whose certificate to put back has expired, is left out with"
                + " the reason. Changes nothing.", ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.PROGRESS_INTERVAL, SpringBootOptions.TUNING,
                SpringBootOptions.LOGGING, "",
                "Exit codes: 0 written, every SUCCEEDED host put back; 1 the zones cannot be listed or stopped;"
                        + " 2 bad option, no such run, an --output that is the run's input, or no credentials;"
                        + " 3 written, but some SUCCEEDED hosts could not be put back (see the summary)."})
public final class RollbackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SpringBootOptions springBoot;

    private long run;

    @Option(names = "--run", order = 1, required = true, paramLabel = "N",
            description = "the run to undo (required; history lists them)")
    private void run(long number) {
        run = Bounds.atLeast(spec, "--run", number, 1);
    }

    @Option(names = "--output", order = 2, paramLabel = "FILE",
            description = {"the rotation CSV to write", "  Default: rollback-run-N.csv in the current directory"})
    private Path output;

    @Mixin
    private ApiAccessOptions api;

    private final Credential givenCredential;

    RollbackCommand() {
        this(null);
    }

    private RollbackCommand(Credential givenCredential) {
        this.givenCredential = givenCredential;
    }

    /** A rollback signed with {@code credential} (for tests; the command line uses the credential chain). */
    public static int run(Credential credential, String... args) {
        return CertRotatorCommand.run(GivenCommands.of(new RollbackCommand(credential)), args);
    }

    @Override
    public Integer call() {
        Request request = new Request(run, output != null ? output : Path.of("rollback-run-" + run + ".csv"),
                api.target(), givenCredential);
        WritableFolder.check(request.output(), "the rollback CSV", "--output");
        return springBoot.run(Runner.class, Map.of("rollbackRequest", request, "readStop", new ReadStop()));
    }

    record Request(long run, Path output, ApiAccessOptions.ApiTarget target, Credential given) {

        /** Never shows the secret key. */
        @Override
        public String toString() {
            return "Request[" + run + ", " + output + ", " + target + "]";
        }
    }

    static final class Runner implements ApplicationRunner, ExitCodeGenerator {

        private final PastRuns pastRuns;
        private final ResultsRepository results;
        private final EstateReading reading;
        private final Request request;
        private int exitCode = ExitCodes.STOPPED;

        Runner(Request request, JobRepository jobRepository, ResultsRepository results, EstateReaders readers,
               RateBudget rateBudget, CertRotatorProperties properties, ReadStop stop) {
            this.request = request;
            this.results = results;
            this.pastRuns = new PastRuns(jobRepository, results);
            this.reading = new EstateReading(readers, rateBudget, properties, stop);
        }

        @Override
        public void run(ApplicationArguments args) {
            exitCode = CommandFailure.exitCodeOf("rollback", this::rollback);
        }

        private int rollback() {
            PastRun past = pastRuns.find(request.run()).orElseThrow(() -> new CommandFailure(ExitCodes.BAD_INPUT,
                    "no run " + request.run() + " in this job repository (history lists the runs)"));
            try {
                RunInput.of(past).refuseOverwriting(request.output(), "--output");
            } catch (ConfigurationMistake e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
            }
            RunChanges run = new RunChanges();
            results.forEachRow(request.run(), run::add);
            List<AppliedChange> changes = run.changes();
            List<Unplanned> notRecorded = run.notRecorded();
            List<String> zones = changes.stream().map(AppliedChange::zoneId).distinct().toList();
            Instant now = Clock.systemUTC().instant();
            EstatePlan plan = zones.isEmpty() ? new EstatePlan(List.of(), List.of(), List.of())
                    : RollbackPlanner.plan(changes, reading.read(new EstateRequest(request.target(),
                            request.given(), zones, ProgressMode.forThisOutput())), now);
            StringBuilder csv = new StringBuilder(firstLine(request.run(), now));
            PlanCsvWriter.write(plan.rows(), csv);
            OutputFiles.write(request.output(), csv.toString());
            List<Unplanned> skipped = new ArrayList<>(notRecorded);
            skipped.addAll(plan.unplanned());
            print(plan, skipped);
            return skipped.isEmpty() ? ExitCodes.SUCCEEDED : ExitCodes.ROWS_FAILED;
        }

        /**
         * A comment line, so that the CSV is never the content of an earlier input (a rollback of a rollback has the
         * original plan's rows): the same content is the same run, and one that completed would send nothing. The
         * time makes each rollback written a run of its own; the same file run again is still the same run.
         */
        private static String firstLine(long run, Instant now) {
            return "# rollback of run " + run + ", written " + now.truncatedTo(ChronoUnit.SECONDS) + "\n";
        }

        private void print(EstatePlan plan, List<Unplanned> notBack) {
            System.out.printf("rollback: %s (run %d, %s to put back)%n", request.output(), request.run(),
                    count(plan.rows().size(), "row"));
            if (!notBack.isEmpty()) {
                System.out.println("not put back: " + count(notBack.size(), "host"));
                notBack.forEach(host -> System.out.printf("  %s %s: %s%n", host.zoneId(), host.host(),
                        host.reason()));
            }
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
