package io.certrotator.cli;

import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.ErrorClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which codes share advice and which get their own; the wording itself is the summary's, not this test's. */
class ErrorAdviceTest {

    private static final String UNKNOWN = ErrorAdvice.of("FailedOperation.SomethingNew");

    @ParameterizedTest
    @ValueSource(strings = {"InvalidParameter.CertNotMatchDomain", "ResourceUnavailable.HostNotFound",
            "InvalidParameter.HostStatusNotAllowApplyCertificate", "InvalidParameter.CnameWildHostNotAllowApplyCertificate",
            "OperationDenied.HostsCertificateInconsistency", "FailedOperation.CertificateHasExpired",
            "ResourceUnavailable.CertNotFound", "OperationDenied.ErrZoneIsAlreadyPaused", "ResourceUnavailable.ZoneNotFound",
            "VerificationFailed", "WouldDropCertificate", "InvalidRow", "InvalidParameter.CertToExpire",
            "InvalidParameter.CertTooShortKeySize", "FailedOperation.ModifyFailed", "FailedOperation",
            "OperationDenied.HostsClientCertificateInconsistency", "OperationDenied.HostsUpstreamCertificateInconsistency",
            "OperationDenied.HostsUpstreamCertificateVerifyInconsistency", "OperationDenied.HostsKeylessServerInconsistency",
            "FailedOperation.InvalidZoneStatus", "HostForbidden"})
    void aCodeARowCanEndWithHasAdviceOfItsOwn(String code) {
        assertThat(ErrorAdvice.of(code)).isNotEqualTo(UNKNOWN).isNotEqualTo(ErrorAdvice.of(ErrorClassifier.RATE_LIMIT_EXCEEDED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"InternalError.UnknownError", "RequestLimitExceeded.UinLimitExceeded", "ResourceInUse",
            "ServiceUnavailable", "NetworkError", "HttpError", "InvalidResponse"})
    void everyRetriedCodeSharesTheAttemptsRanOutAdvice(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(ErrorAdvice.of(code)).isEqualTo(ErrorAdvice.of(ErrorClassifier.RATE_LIMIT_EXCEEDED)).isNotEqualTo(UNKNOWN);
    }

    @Test
    void aRowThatWouldDropACertificateIsAdvisedToKeepItOrAllowDropping() {
        assertThat(ErrorAdvice.of("WouldDropCertificate")).contains("cert_ids").contains("--allow-dropping-certificates");
    }

    @Test
    void aZoneOrHostStateThatRefusesEveryCallHasAdviceOfItsOwnEach() {
        assertThat(java.util.Set.of(ErrorAdvice.of("OperationDenied.ErrZoneIsAlreadyPaused"),
                ErrorAdvice.of("FailedOperation.InvalidZoneStatus"), ErrorAdvice.of("HostForbidden"))).hasSize(3);
    }

    @Test
    void credentialCodesShareOneAdvice() {
        assertThat(ErrorAdvice.of("AuthFailure.SecretIdNotFound"))
                .isEqualTo(ErrorAdvice.of("AuthFailure.SignatureFailure")).isNotEqualTo(UNKNOWN);
    }

    @Test
    void aZoneTheCredentialsMayNotActOnIsAdvisedToGrantTheActionsOrToLeaveAPagesZoneOut() {
        assertThat(ErrorAdvice.of("UnauthorizedOperation.CamUnauthorized"))
                .isEqualTo(ErrorAdvice.of("UnauthorizedOperation.NoPermission"))
                .contains("Pages", "teo:ModifyHostsCertificate", "CAM");
    }

    @Test
    void aRowWithoutACodeIsNotTakenForAnUnknownCode() {
        assertThat(ErrorAdvice.of(null)).isNotEqualTo(UNKNOWN);
    }
}
