package io.certrotator.cli;

import io.certrotator.results.ReportWriter;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code report --run=N [--report=FILE]}: writes the report of a past run again, from the job repository. */
@Command(name = "report",
        description = {"Writes the per-row results CSV of a past run again, as it stands in the job repository"
                + " (`history` lists the runs and their numbers).", ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.HOME, SpringBootOptions.LOGGING, "",
                "Exit codes: 0 written, 1 stopped (SIGTERM, Ctrl-C), 2 bad option, no such run, or no --report where the run's input cannot be"
                        + " found."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SpringBootOptions springBoot;

    private long run;

    @Option(names = "--report", order = 2, paramLabel = "FILE",
            description = {"where to write it", "  Default: NAME.results.csv beside the run's input NAME.csv, as the"
                    + " run itself does (required when the run recorded a relative path that names no such input"
                    + " here)"})
    private Path report;

    @Option(names = "--run", order = 1, required = true, paramLabel = "N", description = "the run number (required; history lists"
            + " them)")
    private void run(long number) {
        run = Bounds.atLeast(spec, "--run", number, 1);
    }

    @Override
    public Integer call() {
        return springBoot.run(Runner.class, Map.of("reportRequest", new Request(run, Optional.ofNullable(report)),
                "stopAtOnce", new StopAtOnce("report", "a report is written whole or not at all; run the same command"
                        + " again")));
    }

    record Request(long run, Optional<Path> report) {
    }

    static final class Runner implements ApplicationRunner, ExitCodeGenerator {

        private static final Path CURRENT_FOLDER = Path.of("").toAbsolutePath();

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
            RunInput input = RunInput.of(run.get());
            Path report;
            try {
                report = request.report().orElseGet(() -> input.defaultReport(CURRENT_FOLDER));
                input.refuseOverwriting(report, "--report");
                OutputFiles.checkWritable(report, "the report", "--report");
            } catch (ConfigurationMistake e) {
                System.err.println("cert-rotator report: " + e.getMessage());
                exitCode = ExitCodes.BAD_INPUT;
                return;
            }
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
