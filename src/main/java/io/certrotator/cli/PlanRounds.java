package io.certrotator.cli;

import io.certrotator.job.RotationJobConfiguration;
import io.certrotator.job.RotationParameters;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowStatus;
import io.certrotator.results.StatusCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

import java.util.Optional;

/**
 * The job instance a scheduled rotation, or a deploy, runs for its plan. Such a plan is made from the live estate and
 * holds only hosts that still need changing, so when the instance of the same content has completed (a row FAILED,
 * say, whose attempts ran out) or was given up (ABANDONED, {@link UnfinishedPlanRun}), the hosts it names are
 * still not done and the plan goes again: a new instance, round 2, 3, ... (an identifying parameter), never "already
 * completed". A round that did not complete is resumed like any run. {@code rotate --input} has no rounds: a rerun
 * of a completed input sends nothing. Each execution of a scheduled plan keeps the {@link ScheduledSelection} its
 * plan was made with: a resumed round keeps its own (a deploy's plan has none). One per run: it remembers the round it
 * picked, for the end of the run's summary.
 */
final class PlanRounds {

    private static final Logger log = LoggerFactory.getLogger(PlanRounds.class);

    private final ScheduledSelection selection;
    private String roundNote;

    PlanRounds(ScheduledSelection selection) {
        this.selection = selection;
    }

    /** The rounds of a plan made without a {@link ScheduledSelection} (deploy's). */
    PlanRounds() {
        this(null);
    }

    /** The parameters of the first round of {@code parameters}'s plan that has not completed. */
    JobParameters current(RotationParameters parameters, JobRepository jobRepository, ResultsRepository results) {
        JobInstance over = null;
        JobExecution overRun = null;
        for (int round = 1; ; round++) {
            JobParameters candidate = parameters.toJobParameters(round);
            JobInstance instance = jobRepository.getJobInstance(RotationJobConfiguration.JOB_NAME, candidate);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null || !isOver(last.getStatus())) {
                if (over != null) {
                    roundNote = "round " + round + " of this plan: " + earlierRound(over.getInstanceId(), overRun,
                            results);
                    if (instance == null) {
                        new OperatorLines(System.out, log).print(roundNote + ", yet the estate still has its hosts"
                                + " due: a new run of the same plan");
                    }
                }
                String kept = keptSelection(last);
                return kept == null ? candidate : new JobParametersBuilder(candidate)
                        .addString(ScheduledSelection.PARAMETER, kept, false).toJobParameters();
            }
            over = instance;
            overRun = last;
        }
    }

    /** {@code round N of this plan: run M completed it (...)}, when this run is a later round of its plan. */
    Optional<String> roundNote() {
        return Optional.ofNullable(roundNote);
    }

    private static boolean isOver(BatchStatus status) {
        return status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED;
    }

    /** How the round before ended: its run completed, or was given up. */
    private static String earlierRound(long runId, JobExecution last, ResultsRepository results) {
        if (last.getStatus() == BatchStatus.ABANDONED) {
            return "run " + runId + " was given up (ABANDONED, " + last.getLastUpdated() + ")";
        }
        StatusCounts before = results.countByStatus(runId);
        return "run " + runId + " completed it (" + RunTime.of(last.getEndTime()) + ", "
                + (before.total() - before.of(RowStatus.SUCCEEDED)) + " of " + before.total()
                + " row(s) not succeeded)";
    }

    /** A round resumed keeps the selection its plan was made with; a new one is this command's (none for deploy). */
    private String keptSelection(JobExecution last) {
        String kept = last == null ? null : last.getJobParameters().getString(ScheduledSelection.PARAMETER);
        return kept != null || selection == null ? kept : selection.describe();
    }
}
