package io.certrotator.cli;

import io.certrotator.input.InputDigest;
import io.certrotator.job.RotationJobConfiguration;
import io.certrotator.job.RotationParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The latest run of a plan this tool wrote (the scheduled form's, a deploy's), when it did not finish: for the scheduled
 * form, the latest scheduled run of the home: stopped (SIGTERM, the API out of reach), failed in a way
 * a restart goes on from, or left running by a process that is gone (the caller holds the {@link ScheduledLock}, so no
 * live scheduled run holds it). The next scheduled run resumes it rather than plan anew: a new plan would leave its
 * accepted rows never read back and its history STOPPED. Its plan is the input it was started with,
 * {@code HOME/scheduled/plan-HASH.csv}, still there with the same content; a home that did not keep it (a Kubernetes
 * {@code emptyDir}) plans anew. A run resumed {@value #RESUMES} times that still did not finish (the network down for
 * hours, a permission taken away) is given up, ABANDONED, and the home plans anew: resumed for ever, it would keep
 * the hosts that came due since from being planned, and a new plan holds its hosts that are still due anyway. A
 * deploy does the same with the latest deploy run of its certificate ({@code HOME/deploy/ID-HASH.csv}).
 */
final class UnfinishedPlanRun {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedPlanRun.class);

    private static final int PAGE = 100;
    /** Resumptions a run gets before it is given up. */
    static final int RESUMES = 3;

    private UnfinishedPlanRun() {
    }

    /**
     * Whose runs are looked for: the command that speaks, what its runs are called, and which inputs are its plans.
     */
    private record Runs(String command, String called, Predicate<Path> plans) {
    }

    /** @return the plan to rotate again, its run announced on standard output, or empty to plan anew */
    static Optional<Path> find(JobRepository jobRepository, Path folder, ScheduledSelection selection) {
        return find(jobRepository, new Runs("rotate", "scheduled run", input -> isScheduledPlan(input, folder)),
                selection);
    }

    /**
     * The latest deploy run of the certificate {@code certId}: its plans are {@code folder/ID-HASH.csv}.
     *
     * @return the plan to rotate again, its run announced on standard output, or empty to plan anew
     */
    static Optional<Path> findDeploy(JobRepository jobRepository, Path folder, String certId) {
        return find(jobRepository, new Runs("deploy", "deploy run", input -> isPlan(input, folder, certId + "-")),
                null);
    }

    /** @param selection this command's --zone/--host, or null for a plan made without them (deploy's) */
    private static Optional<Path> find(JobRepository jobRepository, Runs runs, ScheduledSelection selection) {
        for (int start = 0; ; start += PAGE) {
            List<JobInstance> page = jobRepository.getJobInstances(RotationJobConfiguration.JOB_NAME, start, PAGE);
            for (JobInstance instance : page) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last != null) {
                    RotationParameters parameters = RotationParameters.from(last.getJobParameters());
                    if (runs.plans().test(parameters.input())) {
                        return resumable(jobRepository, runs, instance, last, parameters, selection);
                    }
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
        }
    }

    /** Whether {@code input} is a plan the scheduled form wrote in {@code folder} ({@code HOME/scheduled}). */
    static boolean isScheduledPlan(Path input, Path folder) {
        return isPlan(input, folder, ScheduledPlanning.PREFIX);
    }

    private static boolean isPlan(Path input, Path folder, String prefix) {
        String name = input.getFileName().toString();
        return folder.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize().getParent())
                && name.startsWith(prefix) && name.endsWith(".csv");
    }

    private static Optional<Path> resumable(JobRepository jobRepository, Runs runs, JobInstance instance,
                                            JobExecution last, RotationParameters parameters,
                                            ScheduledSelection selection) {
        BatchStatus status = last.getStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED || status == BatchStatus.UNKNOWN
                || status == BatchStatus.FAILED && ExitCodes.failedOnInput(last)) {
            return Optional.empty();
        }
        long runId = instance.getInstanceId();
        int executions = jobRepository.getJobExecutions(instance).size();
        if (executions > RESUMES) {
            giveUp(jobRepository, runs, runId, executions, last);
            return Optional.empty();
        }
        Path plan = parameters.input();
        if (!Files.isReadable(plan) || !InputDigest.sha256(plan).equals(parameters.inputSha256())) {
            System.err.println("cert-rotator " + runs.command() + ": " + runs.called() + " " + runId + " did not"
                    + " finish, but its plan " + plan + " is not here as it was: planning anew");
            return Optional.empty();
        }
        OperatorLines lines = new OperatorLines(System.out, log);
        lines.print((status.isRunning()
                ? "resuming " + runs.called() + " " + runId + ", left running by a process that is gone: "
                : "resuming " + status.name().toLowerCase() + " " + runs.called() + " " + runId + ": ")
                + plan + " (a new plan only once it has finished)");
        String kept = last.getJobParameters().getString(ScheduledSelection.PARAMETER);
        if (kept != null && selection != null && !kept.equals(selection.describe())) {
            lines.print("scheduled run " + runId + " keeps its own selection (" + kept + "); this command's"
                    + " --zone/--host (" + selection.describe() + ") apply once it has finished");
        }
        return Optional.of(plan);
    }

    /**
     * Marks the run's last execution ABANDONED, so that it is no longer resumed, by this command or by hand, and the
     * next round of its plan is a run of its own ({@link PlanRounds}); says so once, on standard error.
     */
    private static void giveUp(JobRepository jobRepository, Runs runs, long runId, int executions,
                               JobExecution last) {
        String lastEnd = last.getStatus().isRunning() ? "left running by a process that is gone"
                : last.getStatus().name().toLowerCase() + " " + RunTime.of(last.getEndTime()) + ": " + reason(last);
        last.upgradeStatus(BatchStatus.ABANDONED);
        jobRepository.update(last);
        System.err.println("cert-rotator " + runs.command() + ": giving up " + runs.called() + " " + runId
                + " (now ABANDONED): " + executions
                + " executions did not finish it, the last " + lastEnd + "; planning anew (the hosts still due are"
                + " planned again)");
    }

    /** The first line of why the execution ended: a stop's reason, or the start of a failure's stack trace. */
    private static String reason(JobExecution execution) {
        String description = execution.getExitStatus().getExitDescription();
        return description == null || description.isBlank() ? execution.getExitStatus().getExitCode()
                : description.lines().findFirst().orElseThrow();
    }
}
