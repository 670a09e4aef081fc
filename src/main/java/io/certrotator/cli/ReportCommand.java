package io.certrotator.cli;

import io.certrotator.results.ReportWriter;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code report --run=N [--report=FILE]}: writes the report of a past run again, from the job repository. */
public final class ReportCommand {

    static final String USAGE = """
            Usage: java -jar cert-rotator.jar report --run=N [options]

            Writes the per-row results CSV of a past run again, as it stands in the job repository
            (`history` lists the runs and their numbers).

              --run=N                   the run number (required)
              --report=FILE             where to write it (default: NAME.results.csv beside the run's
                                        input NAME.csv, as the run itself does)
              --spring.datasource.url=  the job repository (default: H2 file under ~/.cert-rotator/)
              --cert-rotator.home=DIR   where the default H2 repository lives (default: ~/.cert-rotator)
              --log-format=text|json    log line format (default: text)
              --help                    this text

            Exit codes: 0 written, 2 bad option or no such run.
            """;

    private ReportCommand() {
    }

    public static int run(String... args) {
        Request request;
        try {
            SubcommandOptions options = SubcommandOptions.parse(args, Set.of("run", "report"));
            if (options.help()) {
                System.out.print(USAGE);
                return ExitCodes.SUCCEEDED;
            }
            if (!options.values().containsKey("run")) {
                throw new UsageException("--run=N is required (history lists the runs)");
            }
            request = new Request(options.number("run", 0, 1),
                    Optional.ofNullable(options.values().get("report")).map(Path::of));
        } catch (UsageException e) {
            return Usage.refuse("report", e);
        }
        return CommandContext.run(Runner.class, args, Map.of("reportRequest", request));
    }

    record Request(long run, Optional<Path> report) {
    }

    static final class Runner implements ApplicationRunner, ExitCodeGenerator {

        private final PastRuns pastRuns;
        private final ReportWriter reportWriter;
        private final Request request;
        private int exitCode = ExitCodes.STOPPED;

        Runner(JobRepository jobRepository, ResultsRepository results, ReportWriter reportWriter, Request request) {
            this.pastRuns = new PastRuns(jobRepository, results);
            this.reportWriter = reportWriter;
            this.request = request;
        }

        @Override
        public void run(ApplicationArguments args) {
            Optional<PastRun> run = pastRuns.find(request.run());
            if (run.isEmpty()) {
                System.err.println("cert-rotator report: no run " + request.run() + " in this job repository "
                        + "(history lists the runs)");
                exitCode = ExitCodes.BAD_INPUT;
                return;
            }
            Path report = request.report().orElse(RotateOptions.defaultReport(run.get().parameters().input()));
            reportWriter.write(request.run(), report);
            System.out.printf("report: %s (run %d, %d rows)%n", report, request.run(), run.get().rows().total());
            exitCode = ExitCodes.SUCCEEDED;
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
