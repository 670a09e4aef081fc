package io.certrotator.cli;

import io.certrotator.config.CertRotatorProperties;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.EdgeOneEndpoint;
import io.certrotator.input.InputDigest;
import io.certrotator.input.InputFileException;
import io.certrotator.job.Causes;
import io.certrotator.job.JobFigures;
import io.certrotator.job.RotationJobConfiguration;
import io.certrotator.job.RotationParameters;
import io.certrotator.job.RepositoryOutage;
import io.certrotator.job.RepositoryRunLock;
import io.certrotator.job.RunLock;
import io.certrotator.job.RunStoppedException;
import io.certrotator.job.UnknownEndings;
import io.certrotator.results.ReportWriter;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;
import io.certrotator.results.RowTally;
import io.certrotator.results.StatusCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs one rotation as the command line asked: takes the instance's lock, recovers what a dead process
 * left running, starts or resumes the job while showing progress, prints the summary, writes the report,
 * picks the exit code.
 */
class RotationRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(RotationRunner.class);
    private static final int LISTED_ON_SCREEN = 100;
    private static final String REPORT_NOT_WRITTEN = "the report could not be written (the results are kept in the job"
            + " repository): give --report=FILE in a folder you can write";

    private final RotateOptions options;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Job job;
    private final ResultsRepository results;
    private final ReportWriter reportWriter;
    private final ObjectProvider<ApiAccess> apiAccess;
    private final ObjectProvider<ApiAccessConfiguration.ReadOnlyAccess> readOnlyAccess;
    private final RowTally tally;
    private final RepositoryRunLock repositoryRunLock;
    private final ObjectProvider<PlanRounds> planRounds;
    private final Path home;
    private final Duration progressInterval;
    private final String repositoryServer;
    private final RunSummary summary = new RunSummary(System.out);
    private List<String> commandLine = List.of();
    private int exitCode = ExitCodes.STOPPED;

    RotationRunner(RotateOptions options, JobRepository jobRepository, JobOperator jobOperator, Job job,
                   ResultsRepository results, ReportWriter reportWriter, ObjectProvider<ApiAccess> apiAccess,
                   ObjectProvider<ApiAccessConfiguration.ReadOnlyAccess> readOnlyAccess, RowTally tally,
                   RepositoryRunLock repositoryRunLock, CertRotatorProperties properties,
                   ObjectProvider<PlanRounds> planRounds, DataSource dataSource) {
        this.options = options;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.job = job;
        this.results = results;
        this.reportWriter = reportWriter;
        this.apiAccess = apiAccess;
        this.readOnlyAccess = readOnlyAccess;
        this.tally = tally;
        this.repositoryRunLock = repositoryRunLock;
        this.planRounds = planRounds;
        this.home = properties.home();
        this.progressInterval = properties.progressInterval();
        this.repositoryServer = RepositoryOutage.server(dataSource);
    }

    @Override
    public void run(ApplicationArguments args) {
        commandLine = List.of(args.getSourceArgs());
        try {
            exitCode = rotate();
        } catch (RunLock.RunLockedException e) {
            System.err.println("cert-rotator: " + e.getMessage());
            exitCode = ExitCodes.STOPPED;
        } catch (CommandFailure e) {
            System.err.println("cert-rotator: " + e.getMessage());
            exitCode = e.exitCode();
        } catch (Exception e) {
            Throwable mistake = userMistake(e);
            if (mistake != null) {
                System.err.println("cert-rotator: " + mistake.getMessage());
                exitCode = ExitCodes.BAD_INPUT;
            } else {
                exitCode = stopped(e);
            }
        }
    }

    /** Bad input or configuration, however deep Spring wrapped it. */
    private static Throwable userMistake(Throwable failure) {
        return Causes.first(failure, t -> t instanceof ConfigurationMistake || t instanceof InputFileException);
    }

    private int stopped(Exception e) {
        log.debug("run failed", e);
        if (RepositoryOutage.causedBy(e)) {
            // nothing more can be read or recorded: no summary, no report (the next run writes it)
            System.err.println("cert-rotator: " + lostRepository(e) + "; the rows not recorded as done stay PENDING");
            System.err.println("run the same command again once the database is back, to resume:\n  "
                    + ResumeCommand.of(commandLine));
            return ExitCodes.STOPPED;
        }
        System.err.println("cert-rotator: the run stopped: " + e.getMessage());
        System.err.println("run the same command again to resume:\n  " + ResumeCommand.of(commandLine));
        return ExitCodes.STOPPED;
    }

    private String lostRepository(Throwable failure) {
        return "lost the job repository (" + repositoryServer + "): "
                + Causes.innermost(failure, t -> false).getMessage();
    }

    private int rotate() throws Exception {
        if (options.dryRun()) {
            return new DryRun(options, reportWriter, summary, readOnlyAccess.getObject().access()).run();
        }
        RotationParameters parameters = new RotationParameters(options.input(), InputDigest.sha256(options.input()),
                options.maxHostsPerCall(), options.skipInvalid(), !options.noVerify(), options.allowDropping(),
                options.simulated(), options.rate(), options.endpoint());
        try (RunLock ignored = RunLock.acquire(home.resolve("locks"), parameters.instanceKey());
             AutoCloseable acrossMachines = repositoryRunLock.acquire(parameters.instanceKey());
             AutoCloseable scheduled = scheduledPlanByHand(parameters.input())) {
            PlanRounds rounds = planRounds.getIfAvailable();
            JobParameters jobParameters = rounds == null ? parameters.toJobParameters()
                    : rounds.current(parameters, jobRepository, results);
            JobInstance instance = jobRepository.getJobInstance(RotationJobConfiguration.JOB_NAME, jobParameters);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return alreadyCompleted(instance, last);
            }
            if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
                // only by hand: the scheduled form runs the next round of a plan whose run it gave up
                System.err.println("cert-rotator: run " + instance.getInstanceId() + " of this input was given up ("
                        + "ABANDONED, " + last.getLastUpdated() + "): it is not resumed, nothing was sent; the next"
                        + " scheduled run plans its hosts still due");
                return ExitCodes.BAD_INPUT;
            }
            // the credentials first: a run that cannot send says so without announcing that it resumes
            apiAccess.getObject();
            if (instance != null) {
                tally.startFrom(results.countByStatus(instance.getInstanceId()));
                // We hold the locks, so the process that left an execution UNKNOWN or running is gone.
                boolean unknown = UnknownEndings.recordFailed(jobRepository, instance);
                if (unknown) {
                    last = jobRepository.getLastJobExecution(instance);
                }
                if (last != null && last.getStatus().isRunning()) {
                    jobOperator.recover(last);
                    summary.line("recovered run " + instance.getInstanceId() + " left running by a process "
                            + "that is gone; resuming it");
                } else if (unknown) {
                    summary.line("recovered run " + instance.getInstanceId() + ", whose end the job repository could "
                            + "not record (UNKNOWN: the database went away during it); resuming it: "
                            + results.countByStatus(instance.getInstanceId()).of(RowStatus.PENDING)
                            + " row(s) still pending");
                } else if (last != null) {
                    summary.line("resuming run " + instance.getInstanceId() + ": "
                            + results.countByStatus(instance.getInstanceId()).of(RowStatus.PENDING)
                            + (loaded(instance) ? " row(s) still pending"
                            : " row(s) loaded and still pending; the input's load goes on after them"));
                }
            }
            JobExecution execution;
            try (ProgressReporter ignoredProgress = ProgressReporter.start(options.progress(), tally,
                    progressInterval)) {
                execution = jobOperator.start(job, jobParameters);
            }
            return finish(execution);
        }
    }

    private int finish(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        StatusCounts counts = results.countByStatus(instanceId);
        int code = ExitCodes.of(execution, counts);
        execution.getAllFailureExceptions().forEach(failure -> log.debug("the run ended with", failure));
        if (code == ExitCodes.BAD_INPUT) {
            if (ExitCodes.failedOnInput(execution)) {
                System.err.println("cert-rotator: " + rootMessage(execution));
                return code;
            }
            summary.invalidRows(results.invalidRows(instanceId, LISTED_ON_SCREEN), counts.of(RowStatus.INVALID));
            System.err.println(counts.of(RowStatus.INVALID) + " invalid row(s) in " + options.input()
                    + ": nothing was sent (fix them, or run the rest with --skip-invalid)");
        } else if (counts.of(RowStatus.INVALID) > 0) {
            summary.invalidRows(results.invalidRows(instanceId, LISTED_ON_SCREEN), counts.of(RowStatus.INVALID));
        }
        JobFigures figures = JobFigures.of(execution);
        PlanRounds rounds = planRounds.getIfAvailable();
        if (rounds != null) {
            // the cron mail's last lines say that this was a later round, not only its first ones
            rounds.roundNote().ifPresent(summary::line);
        }
        if (!reportWritten(instanceId)) {
            int shown = ExitCodes.withoutReport(code);
            summary.end(counts, figures, results.unsuccessfulByErrorCode(instanceId), null, shown,
                    code == ExitCodes.STOPPED ? rootMessage(execution) : REPORT_NOT_WRITTEN,
                    ResumeCommand.of(commandLine));
            return shown;
        }
        summary.end(counts, figures, results.unsuccessfulByErrorCode(instanceId), options.report(), code,
                code == ExitCodes.STOPPED ? rootMessage(execution) : null, ResumeCommand.of(commandLine));
        return code;
    }

    /**
     * A scheduled plan rotated by hand ({@code --input=HOME/scheduled/plan-*.csv}) takes the scheduled rotation's lock,
     * so that it and a scheduled run never rotate the estate at once (with other options it is a run of its own, which
     * the input's lock does not keep apart). The scheduled form holds that lock already.
     */
    private AutoCloseable scheduledPlanByHand(Path input) {
        if (planRounds.getIfAvailable() != null
                || !UnfinishedPlanRun.isScheduledPlan(input, home.resolve(ScheduledPlanning.FOLDER))) {
            return () -> {
            };
        }
        return ScheduledLock.take(home, repositoryRunLock);
    }

    /**
     * Whether the run's load of the input completed, in whichever execution (a later one skips the completed step; a
     * stop during the load leaves the rest to load).
     */
    private boolean loaded(JobInstance instance) {
        StepExecution load = jobRepository.getLastStepExecution(instance, RotationJobConfiguration.LOAD_STEP);
        return load != null && load.getStatus() == BatchStatus.COMPLETED;
    }

    private int alreadyCompleted(JobInstance instance, JobExecution last) {
        long instanceId = instance.getInstanceId();
        summary.line("this input already completed (run " + instanceId + ", " + RunTime.of(last.getEndTime())
                + "): nothing to send");
        warnIfItWentToALocalServer(instanceId, RotationParameters.from(last.getJobParameters()));
        StatusCounts counts = results.countByStatus(instanceId);
        int code = ExitCodes.ofCompletedEarlier(last);
        if (!reportWritten(instanceId)) {
            int shown = ExitCodes.withoutReport(code);
            summary.end(counts, JobFigures.NOTHING_SENT, results.unsuccessfulByErrorCode(instanceId), null, shown,
                    REPORT_NOT_WRITTEN, ResumeCommand.of(commandLine));
            return shown;
        }
        summary.end(counts, JobFigures.NOTHING_SENT, results.unsuccessfulByErrorCode(instanceId), options.report(), code,
                null, ResumeCommand.of(commandLine));
        return code;
    }

    /**
     * A run that completed against a local server (a simulator, or a --simulate rehearsal of a version that did not
     * mark those as runs of their own) is the same instance as the real run of its input: say so, or the real run
     * would seem done.
     */
    private void warnIfItWentToALocalServer(long instanceId, RotationParameters completed) {
        if (!completed.simulated() && EdgeOneEndpoint.parse(completed.endpoint()).viaProxy()
                && !EdgeOneEndpoint.parse(options.endpoint()).viaProxy()) {
            System.err.println("cert-rotator: run " + instanceId + " went to " + completed.endpoint() + ", a local"
                    + " server, not to " + options.endpoint() + ": to rotate this input there, add a line starting"
                    + " with # to the file (new content is a new run)");
        }
    }

    /**
     * A report that cannot be written at the end (its folder was checked before the run, but went away or filled up
     * since) loses nothing: the rows are in the job repository, and the same command writes them, once given a
     * --report it can write.
     */
    private boolean reportWritten(long instanceId) {
        try {
            reportWriter.write(instanceId, options.report());
            return true;
        } catch (UncheckedIOException e) {
            log.debug("report not written", e);
            System.err.println("cert-rotator: " + e.getMessage());
            return false;
        }
    }

    private String rootMessage(JobExecution execution) {
        if (execution.getAllFailureExceptions().stream().anyMatch(OutOfMemory::causedBy)) {
            return OutOfMemory.advice();
        }
        var outage = execution.getAllFailureExceptions().stream().filter(RepositoryOutage::causedBy).findFirst();
        if (outage.isPresent()) {
            return lostRepository(outage.get()) + " (it is back now; the rows not recorded as done stay PENDING)";
        }
        return execution.getAllFailureExceptions().stream()
                .map(RotationRunner::innermost)
                .map(Throwable::getMessage)
                .findFirst().orElse(null);
    }

    private static Throwable innermost(Throwable failure) {
        return Causes.innermost(failure, t -> t instanceof RunStoppedException || t instanceof InputFileException);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
