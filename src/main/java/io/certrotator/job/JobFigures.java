package io.certrotator.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Figures the steps leave in the job execution context for the end-of-run summary. */
public record JobFigures(long calls, long describeCalls, long zoneReads, long rateRefusals, long rotateMillis) {

    static final String CALLS = "rotate.calls";
    static final String DESCRIBE_CALLS = "rotate.describeCalls";
    static final String ZONE_READS = "rotate.zoneReads";
    static final String RATE_REFUSALS = "rotate.rateRefusals";
    static final String ROTATE_MILLIS = "rotate.millis";

    /** A run that sent nothing. */
    public static final JobFigures NOTHING_SENT = new JobFigures(0, 0, 0, 0, 0);

    public static JobFigures of(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        return new JobFigures(context.getLong(CALLS, 0), context.getLong(DESCRIBE_CALLS, 0),
                context.getLong(ZONE_READS, 0), context.getLong(RATE_REFUSALS, 0), context.getLong(ROTATE_MILLIS, 0));
    }

    /** Calls per second the rotate step achieved, or 0 when it made none. */
    public double callsPerSecond() {
        return rotateMillis == 0 ? 0 : calls * 1000d / rotateMillis;
    }
}
