package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.provider.DefaultCredentialsProvider;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.EdgeOneEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Duration;

/**
 * API access for the run, made only when a call is about to be sent (a dry run needs no credentials).
 * A credential given by the command itself (the built-in simulator's) wins over the SDK's chain.
 */
@Configuration
class ApiAccessConfiguration {

    @Bean
    @Lazy
    ApiAccess apiAccess(RotateOptions options, GivenCredential given,
                        @Value("${cert-rotator.call-timeout:30s}") Duration callTimeout) {
        Credential credential = given.credential() != null ? given.credential() : fromSdkChain();
        return new ApiAccess(EdgeOneEndpoint.parse(options.endpoint()), credential, callTimeout);
    }

    private static Credential fromSdkChain() {
        try {
            return new DefaultCredentialsProvider().getCredentials();
        } catch (TencentCloudSDKException | RuntimeException e) {
            throw new UsageException("no Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and "
                    + "TENCENTCLOUD_SECRET_KEY, or write ~/.tencentcloud/credentials, or run on a CVM with a role");
        }
    }

    /** A credential the command line supplies itself, or none (null). */
    record GivenCredential(Credential credential) {
        @Override
        public String toString() {
            return "GivenCredential[" + (credential == null ? "none" : credential.getSecretId()) + "]";
        }
    }
}
