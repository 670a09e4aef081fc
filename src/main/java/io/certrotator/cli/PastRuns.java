package io.certrotator.cli;

import io.certrotator.job.RotationJobConfiguration;
import io.certrotator.job.RotationParameters;
import io.certrotator.job.RunExitStatus;
import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Past rotation runs, read from the job repository (instances and executions) and the results table. */
final class PastRuns {

    private static final Set<String> OUR_EXIT_STATUSES = Set.of(RunExitStatus.INVALID_INPUT);

    private final JobRepository jobRepository;
    private final ResultsRepository results;

    PastRuns(JobRepository jobRepository, ResultsRepository results) {
        this.jobRepository = jobRepository;
        this.results = results;
    }

    /** The newest {@code limit} runs, newest first. */
    List<PastRun> latest(int limit) {
        return jobRepository.getJobInstances(RotationJobConfiguration.JOB_NAME, 0, limit).stream()
                .map(this::describe).flatMap(Optional::stream).toList();
    }

    Optional<PastRun> find(long id) {
        JobInstance instance = jobRepository.getJobInstance(id);
        if (instance == null || !instance.getJobName().equals(RotationJobConfiguration.JOB_NAME)) {
            return Optional.empty();
        }
        return describe(instance);
    }

    private Optional<PastRun> describe(JobInstance instance) {
        List<JobExecution> executions = jobRepository.getJobExecutions(instance).stream()
                .sorted(Comparator.comparing(JobExecution::getId)).toList();
        if (executions.isEmpty()) {
            return Optional.empty();
        }
        JobExecution first = executions.get(0);
        JobExecution last = executions.get(executions.size() - 1);
        return Optional.of(new PastRun(instance.getInstanceId(), RotationParameters.from(last.getJobParameters()),
                first.getStartTime() != null ? first.getStartTime() : first.getCreateTime(), duration(executions),
                status(last), executions.size(), results.countByStatus(instance.getInstanceId())));
    }

    /**
     * The time the starts took, oldest first; empty while the last has no end (running, or its process died: the
     * repository cannot tell which).
     */
    static Optional<Duration> duration(List<JobExecution> executions) {
        if (executions.get(executions.size() - 1).getEndTime() == null) {
            return Optional.empty();
        }
        return Optional.of(executions.stream().map(PastRuns::duration).reduce(Duration.ZERO, Duration::plus));
    }

    private static Duration duration(JobExecution execution) {
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime();
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }

    /**
     * How an execution ended: our exit status where it says more (INVALID_INPUT); else Spring Batch's status as the job
     * recorded it (STOPPED: it stopped itself and resumes, as the job records a run stopped by a signal or refused
     * credentials; STARTED: no end recorded).
     */
    static String status(JobExecution execution) {
        String exitCode = execution.getExitStatus().getExitCode();
        return OUR_EXIT_STATUSES.contains(exitCode) ? exitCode : execution.getStatus().name();
    }
}
