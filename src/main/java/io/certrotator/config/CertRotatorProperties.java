package io.certrotator.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code cert-rotator.*} properties (README: Tuning), given like options ({@code --cert-rotator.concurrency=8}),
 * in the environment or in any other place Spring Boot reads. A value out of bounds, or a name that is none of these
 * (a typo would otherwise be ignored), stops the start (exit 2). A new {@code cert-rotator.*} property goes here.
 *
 * @param home             where the default H2 job repository and the run locks live (set in application.properties,
 *                         whose datasource URL points into it)
 * @param progressInterval time between progress log lines when the output is not a terminal
 * @param concurrency      calls in flight at most
 * @param callTimeout      how long one API call may take
 * @param shutdownGrace    after SIGTERM, how long the calls in flight have to answer
 * @param sslDescribeRate  the SSL service's DescribeCertificates calls per second (its documents say 5, 10 or 20)
 */
@Validated
@ConfigurationProperties(prefix = "cert-rotator", ignoreUnknownFields = false)
public record CertRotatorProperties(
        @NotNull Path home,
        @DefaultValue(PROGRESS_INTERVAL) @DurationMin(millis = 100) Duration progressInterval,
        @DefaultValue("48") @Range(min = 1, max = 1000) int concurrency,
        @DefaultValue("30s") @DurationMin(seconds = 1) Duration callTimeout,
        @DefaultValue("10s") @DurationMin(seconds = 0) Duration shutdownGrace,
        @DefaultValue("" + SSL_DESCRIBE_RATE) @Range(min = 1, max = 20) int sslDescribeRate,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Verify verify) {

    /** DescribeCertificates calls per second by default: the lowest of the limits the SSL service documents. */
    public static final int SSL_DESCRIBE_RATE = 5;

    /** Shown in the help of the commands that log progress. */
    public static final String PROGRESS_INTERVAL = "5s";

    /**
     * Retries of calls that say "try again later": exponential back-off with jitter.
     *
     * @param maxAttempts attempts in all, the first included
     */
    public record Retry(@DefaultValue("6") @Range(min = 1, max = 100) int maxAttempts,
                        @DefaultValue("2s") @DurationMin(millis = 1) Duration baseDelay,
                        @DefaultValue("30s") @DurationMin(millis = 1) Duration maxDelay) {
    }

    /** @param timeout how long an accepted host may take to show its new certificate */
    public record Verify(@DefaultValue("60s") @DurationMin(seconds = 0) Duration timeout) {
    }
}
