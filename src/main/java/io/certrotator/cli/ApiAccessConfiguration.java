package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.CredentialChain;
import io.certrotator.edgeone.EdgeOneEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * API access for the run, made only when a call is about to be sent (a dry run needs no credentials).
 * A credential given by the command itself (the built-in simulator's) wins over the credential chain.
 */
@Configuration
class ApiAccessConfiguration {

    @Bean
    @Lazy
    ApiAccess apiAccess(RotateOptions options, GivenCredential given, CertRotatorProperties properties) {
        EdgeOneEndpoint endpoint = EdgeOneEndpoint.parse(options.endpoint());
        if (given.credential() != null) {
            return new ApiAccess(endpoint, given.credential(), properties.callTimeout(), given.renewal());
        }
        return new ApiAccess(endpoint, fromChain(options.profile()), properties.callTimeout(),
                () -> CredentialChain.standard().resolve(options.profile()));
    }

    /**
     * API access for reading only (the dry run's live state), when a credential is at hand without asking the
     * CVM metadata server: a dry run must never wait for it.
     */
    @Bean
    @Lazy
    ReadOnlyAccess readOnlyAccess(RotateOptions options, GivenCredential given, CertRotatorProperties properties) {
        Optional<Credential> credential = given.credential() != null ? Optional.of(given.credential())
                : withoutRole(options.profile());
        return new ReadOnlyAccess(credential.map(c -> new ApiAccess(EdgeOneEndpoint.parse(options.endpoint()), c,
                properties.callTimeout())));
    }

    record ReadOnlyAccess(Optional<ApiAccess> access) {
    }

    /**
     * What stops the run stops its dry run, so that a rehearsal that passes promises a run that starts: a credentials
     * file that cannot be read, and a named profile that is not in it (the profile is the only source then, so no
     * metadata server is asked).
     */
    private static Optional<Credential> withoutRole(String profile) {
        if (profile != null) {
            return Optional.of(fromChain(profile));
        }
        try {
            return CredentialChain.standard().resolveWithoutRole(profile);
        } catch (IllegalStateException e) {
            throw new ConfigurationMistake(e.getMessage());
        }
    }

    private static Credential fromChain(String profile) {
        try {
            return CredentialChain.standard().resolve(profile);
        } catch (IllegalStateException e) {
            throw new ConfigurationMistake(e.getMessage());
        }
    }

    /**
     * A credential the command line supplies itself, or none (null), and where to read it again when its session
     * token is refused.
     */
    record GivenCredential(Credential credential, Supplier<Credential> renewal) {

        /** A credential with nowhere to read it again from (the built-in simulator's). */
        GivenCredential(Credential credential) {
            this(credential, () -> credential);
        }

        @Override
        public String toString() {
            return "GivenCredential[" + (credential == null ? "none" : credential.getSecretId()) + "]";
        }
    }
}
