package io.certrotator.cli;

import io.certrotator.job.RotationParameters;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code history [--limit=N]}: the past runs in the job repository, newest first. */
@Command(name = "history",
        description = {"Lists past rotation runs from the job repository, newest first: run number, input file and the"
                + " start of its SHA-256, when it started, how long it took, how it ended, how many times it was"
                + " started, and its rows by status. `report --run=N` writes a run's report again.", ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.HOME, SpringBootOptions.LOGGING, "",
                "Exit codes: 0 listed, 1 stopped (SIGTERM, Ctrl-C), 2 bad option."})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SpringBootOptions springBoot;

    private int limit;

    @Option(names = "--limit", order = 1, paramLabel = "N", defaultValue = "20", description = "how many runs, at least 1")
    private void limit(int runs) {
        limit = (int) Bounds.atLeast(spec, "--limit", runs, 1);
    }

    @Override
    public Integer call() {
        return springBoot.run(Runner.class, Map.of("historyRequest", new Request(limit), "stopAtOnce",
                new StopAtOnce("history", "nothing was changed")));
    }

    record Request(int limit) {
    }

    static final class Runner implements ApplicationRunner {

        private final PastRuns pastRuns;
        private final int limit;

        Runner(JobRepository jobRepository, ResultsRepository results, Request request) {
            this.pastRuns = new PastRuns(jobRepository, results);
            this.limit = request.limit();
        }

        @Override
        public void run(ApplicationArguments args) {
            print(pastRuns.latest(limit), System.out);
        }

        static void print(List<PastRun> runs, PrintStream out) {
            if (runs.isEmpty()) {
                out.println("no runs yet in this job repository");
                return;
            }
            String format = "%5s  %-24s  %-12s  %-19s  %9s  %-13s  %4s  %9s  %6s  %7s  %7s  %s%n";
            out.printf(format, "run", "input", "sha256", "started", "duration", "status", "runs", "succeeded",
                    "failed", "invalid", "pending", "options");
            for (PastRun run : runs) {
                RotationParameters p = run.parameters();
                out.printf(Locale.ROOT, format, run.id(), p.input().getFileName(), p.inputSha256().substring(0, 12),
                        RunTime.of(run.started()), run.duration().map(RunSummary::seconds).orElse("-"),
                        run.status(), run.executions(), run.rows().of(RowStatus.SUCCEEDED), run.rows().of(RowStatus.FAILED),
                        run.rows().of(RowStatus.INVALID), run.rows().of(RowStatus.PENDING), options(p));
            }
        }

        /** The options that made this run an instance of its own, where they differ from the defaults. */
        private static String options(RotationParameters p) {
            List<String> options = new ArrayList<>();
            if (p.maxHostsPerCall() != RotateOptions.MAX_HOSTS_PER_CALL) {
                options.add("--max-hosts-per-call=" + p.maxHostsPerCall());
            }
            if (p.skipInvalid()) {
                options.add("--skip-invalid");
            }
            if (!p.verify()) {
                options.add("--no-verify");
            }
            if (p.allowDropping()) {
                options.add("--allow-dropping-certificates");
            }
            if (p.simulated()) {
                options.add("--simulate");
            }
            return String.join(" ", options);
        }
    }
}
