package io.certrotator.edgeone;

import java.util.Set;

/** The one place that decides what an EdgeOne error code means for the run (SPEC: API behaviour). */
public final class ErrorClassifier {

    /** Codes this client gives failures that never reached the API's answer (network, HTTP, bad body). */
    public static final String NETWORK_ERROR = "NetworkError";
    public static final String HTTP_ERROR = "HttpError";
    public static final String INVALID_RESPONSE = "InvalidResponse";

    private static final Set<String> TRANSIENT = Set.of(
            "LimitExceeded.RateLimitExceeded",
            "InvalidParameter.ActionInProgress",
            "InternalError.ConfigLocked",
            "OperationDenied.ConfigLocked",
            "InvalidParameter.ZoneIsGrayPublishing",
            "OperationDenied.DisableZoneNotCompleted",
            "ResourceInUse",
            "FailedOperation.ConfigLocked",
            "ServerSideError",
            NETWORK_ERROR, HTTP_ERROR, INVALID_RESPONSE);

    private static final Set<String> HOST_SPECIFIC = Set.of(
            "InvalidParameter.CertNotMatchDomain",
            "ResourceUnavailable.HostNotFound",
            "InvalidParameter.HostStatusNotAllowApplyCertificate",
            "InvalidParameter.CnameWildHostNotAllowApplyCertificate",
            "OperationDenied.HostsCertificateInconsistency");

    private ErrorClassifier() {
    }

    public static ErrorClass classify(String code) {
        if (code == null || code.isBlank()) {
            return ErrorClass.TRANSIENT;
        }
        if (TRANSIENT.contains(code) || code.startsWith("RequestLimitExceeded") || code.startsWith("InternalError")
                || code.startsWith("ResourceInUse")) {
            return ErrorClass.TRANSIENT;
        }
        if (code.startsWith("AuthFailure") || code.startsWith("UnauthorizedOperation")) {
            return ErrorClass.FATAL;
        }
        if (HOST_SPECIFIC.contains(code)) {
            return ErrorClass.HOST_SPECIFIC;
        }
        return ErrorClass.PERMANENT;
    }
}
