package io.certrotator.job;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Path;

/**
 * The job's parameters. The instance is the input's content (SHA-256) plus the options that change
 * what is sent (verification sends Describe calls); the path, rate, endpoint and report are not part of it,
 * so moving the file or slowing down still resumes the same run. {@code allowDropping}
 * ({@code --allow-dropping-certificates}) and {@code simulated} ({@code --simulate}: a rehearsal against the built-in
 * simulator is not the rotation it rehearses) are identifying only when on, so the runs of earlier versions, which have
 * no such parameters, still resume as the same instances.
 */
public record RotationParameters(Path input, String inputSha256, int maxHostsPerCall, boolean skipInvalid,
                                 boolean verify, boolean allowDropping, boolean simulated, int rate, String endpoint) {

    static final String INPUT_SHA256 = "input.sha256";
    static final String MAX_HOSTS_PER_CALL = "maxHostsPerCall";
    static final String SKIP_INVALID = "skipInvalid";
    static final String VERIFY = "verify";
    static final String ALLOW_DROPPING = "allowDroppingCertificates";
    static final String SIMULATED = "simulated";
    static final String INPUT = "input";
    static final String RATE = "rate";
    static final String ENDPOINT = "endpoint";
    static final String ROUND = "round";

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(INPUT_SHA256, inputSha256, true)
                .addLong(MAX_HOSTS_PER_CALL, (long) maxHostsPerCall, true)
                .addString(SKIP_INVALID, Boolean.toString(skipInvalid), true)
                .addString(VERIFY, Boolean.toString(verify), true)
                .addString(INPUT, input.toString(), false)
                .addLong(RATE, (long) rate, false)
                .addString(ENDPOINT, endpoint, false);
        if (allowDropping) {
            builder.addString(ALLOW_DROPPING, Boolean.toString(true), true);
        }
        if (simulated) {
            builder.addString(SIMULATED, Boolean.toString(true), true);
        }
        return builder.toJobParameters();
    }

    /**
     * Round {@code round} of the same input: the scheduled form rotates a plan again, as a new instance, once its
     * earlier rounds completed with hosts still due. Round 1 is the plain instance ({@link #toJobParameters()}), so
     * the first scheduled run of a plan and {@code --input=PLAN} are the same run.
     */
    public JobParameters toJobParameters(int round) {
        if (round <= 1) {
            return toJobParameters();
        }
        return new JobParametersBuilder(toJobParameters()).addLong(ROUND, (long) round, true).toJobParameters();
    }

    public static RotationParameters from(JobParameters parameters) {
        return new RotationParameters(Path.of(parameters.getString(INPUT)), parameters.getString(INPUT_SHA256),
                parameters.getLong(MAX_HOSTS_PER_CALL).intValue(),
                Boolean.parseBoolean(parameters.getString(SKIP_INVALID)),
                Boolean.parseBoolean(parameters.getString(VERIFY)),
                Boolean.parseBoolean(parameters.getString(ALLOW_DROPPING)),
                Boolean.parseBoolean(parameters.getString(SIMULATED)),
                parameters.getLong(RATE).intValue(), parameters.getString(ENDPOINT));
    }

    /** Names this instance for locks and messages: same value for the same content and options. */
    public String instanceKey() {
        return inputSha256.substring(0, 16) + "-h" + maxHostsPerCall + (skipInvalid ? "-skip" : "") + (verify ? "" : "-noverify")
                + (allowDropping ? "-allowdrop" : "") + (simulated ? "-simulated" : "");
    }
}
