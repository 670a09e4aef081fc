package io.certrotator.cli;

import io.certrotator.job.RotationParameters;
import io.certrotator.results.StatusCounts;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One run as the job repository remembers it: a job instance and all its executions.
 *
 * @param status     how the last execution ended (our exit status where it says more, such as INVALID_INPUT;
 *                   STOPPED when the run stopped itself, resumable)
 * @param duration   the time all its executions took; empty while the last has no end
 * @param executions how many times it was started (1 + the number of resumes)
 */
record PastRun(long id, RotationParameters parameters, LocalDateTime started, Optional<Duration> duration,
               String status, int executions, StatusCounts rows) {
}
