package io.certrotator.estate;

import io.certrotator.edgeone.ApiAccess;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.edgeone.Pacers;
import io.certrotator.edgeone.RetryPolicy;
import org.springframework.stereotype.Component;

/**
 * Makes estate readers for the commands, with DescribeCertificates' rate from the property
 * {@code cert-rotator.ssl-describe-rate} (5 per second by default; the API's documents say 5, 10 or 20). The caller gives the budgets:
 * {@code (action, rate) -> rateBudget.pacer(access, action, rate)} shares them through a PostgreSQL job repository,
 * as the rotation's are; {@link Pacers#local()} keeps them in the process.
 */
@Component
public class EstateReaders {

    private final int sslDescribeRate;

    EstateReaders(CertRotatorProperties properties) {
        this.sslDescribeRate = properties.sslDescribeRate();
    }

    public EstateReader reader(ApiAccess access, Pacers pacers, RetryPolicy retryPolicy) {
        return new EstateReader(access, pacers, retryPolicy, sslDescribeRate);
    }
}
