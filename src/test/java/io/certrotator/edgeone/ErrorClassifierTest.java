package io.certrotator.edgeone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"LimitExceeded.RateLimitExceeded", "RequestLimitExceeded",
            "RequestLimitExceeded.UinLimitExceeded", "InvalidParameter.ActionInProgress", "InternalError.SystemError",
            "InternalError.ConfigLocked", "OperationDenied.ConfigLocked", "InvalidParameter.ZoneIsGrayPublishing",
            "OperationDenied.DisableZoneNotCompleted", "ResourceInUse", "ResourceInUse.Zone", "ServiceUnavailable",
            "FailedOperation.ConfigLocked", "NetworkError", "HttpError", "InvalidResponse", ""})
    void tryAgainLaterCodesAreRetried(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AuthFailure.SignatureFailure", "AuthFailure.SecretIdNotFound",
            "AuthFailure.SignatureExpire", "AuthFailure.TokenFailure", "AuthFailure.UnauthorizedOperation",
            "AuthFailure"})
    void credentialCodesStopTheRun(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.FATAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UnauthorizedOperation", "UnauthorizedOperation.CamUnauthorized",
            "UnauthorizedOperation.NoPermission"})
    void permissionCodesConcernTheCallsZone(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.ZONE_UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvalidAction", "NoSuchVersion", "ActionOffline", "NoSuchProduct", "UnsupportedRegion",
            "UnsupportedProtocol"})
    void codesSayingTheEndpointCannotTakeTheCallStopTheRun(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.FATAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvalidParameter.CertNotMatchDomain", "ResourceUnavailable.HostNotFound",
            "InvalidParameter.HostStatusNotAllowApplyCertificate",
            "InvalidParameter.CnameWildHostNotAllowApplyCertificate", "OperationDenied"})
    void codesThatMayConcernOnlySomeHostsSplitTheGroup(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.HOST_SPECIFIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OperationDenied.HostsCertificateInconsistency",
            "OperationDenied.HostsClientCertificateInconsistency", "OperationDenied.HostsUpstreamCertificateInconsistency",
            "OperationDenied.HostsUpstreamCertificateVerifyInconsistency",
            "OperationDenied.HostsKeylessServerInconsistency"})
    void everyHostsInconsistencyOfOneCallSplitsTheGroup(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.HOST_SPECIFIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FailedOperation", "FailedOperation.ModifyFailed"})
    void failuresThatMayHaveAppliedAnywayAreAmbiguous(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.AMBIGUOUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ResourceUnavailable.CertNotFound", "FailedOperation.CertificateHasExpired",
            "OperationDenied.ErrZoneIsAlreadyPaused", "ResourceUnavailable.ZoneNotFound", "InvalidParameterValue",
            "MissingParameter", "UnknownParameter", "LimitExceeded", "RequestSizeLimitExceeded", "FailedOperation.Lookalike",
            "AuthFailureLookalike", "UnauthorizedOperationLookalike", "InternalErrorLookalike", "OperationDenied.HostsLookalike",
            "InvalidParameter.CertToExpire", "InvalidParameter.CertTooShortKeySize"})
    void everythingElseFailsTheRows(String code) {
        assertThat(ErrorClassifier.classify(code)).isEqualTo(ErrorClass.PERMANENT);
    }
}
