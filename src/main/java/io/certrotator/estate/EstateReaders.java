package io.certrotator.estate;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.DescribeCertificates;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.job.RateBudget;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes estate readers for the commands: each action's budget comes from the run's {@link RateBudget} (shared through
 * a PostgreSQL job repository, as the rotation's are), and DescribeCertificates' rate from the property
 * {@code cert-rotator.ssl-describe-rate} (5 per second by default; the API allows 10).
 */
@Component
public class EstateReaders {

    private final RateBudget rateBudget;
    private final int sslDescribeRate;

    EstateReaders(RateBudget rateBudget,
                  @Value("${cert-rotator.ssl-describe-rate:" + DescribeCertificates.DEFAULT_RATE + "}") int sslDescribeRate) {
        this.rateBudget = rateBudget;
        this.sslDescribeRate = sslDescribeRate;
    }

    public EstateReader reader(ApiAccess access, RetryPolicy retryPolicy) {
        return new EstateReader(access, (action, rate) -> rateBudget.pacer(access, action, rate), retryPolicy,
                sslDescribeRate);
    }
}
