package io.certrotator.cli;

import io.certrotator.job.RotationParameters;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code history [--limit=N]}: the past runs in the job repository, newest first. */
public final class HistoryCommand {

    static final String USAGE = """
            Usage: java -jar cert-rotator.jar history [options]

            Lists past rotation runs from the job repository, newest first: run number, input file and
            the start of its SHA-256, when it started, how long it took, how it ended, how many times it
            was started, and its rows by status. `report --run=N` writes a run's report again.

              --limit=N                 how many runs (default: 20)
              --spring.datasource.url=  the job repository (default: H2 file under ~/.cert-rotator/)
              --cert-rotator.home=DIR   where the default H2 repository lives (default: ~/.cert-rotator)
              --log-format=text|json    log line format (default: text)
              --help                    this text

            Exit codes: 0 listed, 2 bad option.
            """;

    private HistoryCommand() {
    }

    public static int run(String... args) {
        SubcommandOptions options;
        int limit;
        try {
            options = SubcommandOptions.parse(args, Set.of("limit"));
            limit = (int) Math.min(options.number("limit", 20, 1), Integer.MAX_VALUE);
        } catch (UsageException e) {
            return Usage.refuse("history", e);
        }
        if (options.help()) {
            System.out.print(USAGE);
            return ExitCodes.SUCCEEDED;
        }
        return CommandContext.run(Runner.class, args, Map.of("historyRequest", new Request(limit)));
    }

    record Request(int limit) {
    }

    static final class Runner implements ApplicationRunner {

        private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
                        STARTED.format(run.started()), RunSummary.seconds(run.duration()), run.status(),
                        run.executions(), run.rows().of(RowStatus.SUCCEEDED), run.rows().of(RowStatus.FAILED),
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
            return String.join(" ", options);
        }
    }
}
