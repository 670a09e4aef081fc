package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorAdviceTest {

    @Test
    void aKnownCodeGetsItsOwnExplanation() {
        assertThat(ErrorAdvice.of("InvalidParameter.CertNotMatchDomain"))
                .isEqualTo("certificate does not cover the host: check the certificate's names");
        assertThat(ErrorAdvice.of("FailedOperation.CertificateHasExpired")).isEqualTo("certificate expired: upload a new one");
        assertThat(ErrorAdvice.of("InvalidRow")).contains("fix the CSV");
    }

    @Test
    void transientCodesSayTheAttemptsRanOut() {
        for (String code : new String[]{"LimitExceeded.RateLimitExceeded", "InternalError.UnknownError", "NetworkError",
                "HttpError", "InvalidResponse"}) {
            assertThat(ErrorAdvice.of(code)).as(code).contains("attempts ran out");
        }
    }

    @Test
    void credentialFamiliesAreRecognisedByPrefix() {
        assertThat(ErrorAdvice.of("AuthFailure.SecretIdNotFound")).contains("credentials");
        assertThat(ErrorAdvice.of("UnauthorizedOperation.NoPermission")).contains("permission");
    }

    @Test
    void anUnknownCodePointsToTheReport() {
        assertThat(ErrorAdvice.of("FailedOperation.SomethingNew")).contains("error_message in the report");
    }
}
