package io.certrotator.job;

import io.certrotator.results.ResultsRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/** After the load: a run with INVALID rows ends there (nothing is sent) unless {@code --skip-invalid}. */
class InvalidInputDecider implements JobExecutionDecider {

    private final ResultsRepository results;

    InvalidInputDecider(ResultsRepository results) {
        this.results = results;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        boolean skipInvalid = RotationParameters.from(jobExecution.getJobParameters()).skipInvalid();
        return !skipInvalid && results.hasInvalidRows(jobExecution.getJobInstance().getInstanceId())
                ? new FlowExecutionStatus(RunExitStatus.INVALID_INPUT) : FlowExecutionStatus.COMPLETED;
    }
}
