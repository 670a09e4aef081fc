package io.certrotator.cli;

import io.certrotator.job.RotationParameters;
import io.certrotator.results.StatusCounts;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One run as the job repository remembers it: a job instance and all its executions.
 *
 * @param status     how the last execution ended (our exit status where it says more, such as INVALID_INPUT)
 * @param duration   the time all its executions took
 * @param executions how many times it was started (1 + the number of resumes)
 */
record PastRun(long id, RotationParameters parameters, LocalDateTime started, Duration duration, String status,
               int executions, StatusCounts rows) {
}
