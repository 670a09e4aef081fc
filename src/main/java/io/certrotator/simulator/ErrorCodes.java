package io.certrotator.simulator;

import java.util.List;

/** The EdgeOne error codes the simulator answers with. */
public final class ErrorCodes {
    public static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
    public static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    public static final String TOKEN_FAILURE = "AuthFailure.TokenFailure";
    public static final String INVALID_ACTION = "InvalidAction";
    public static final String NO_SUCH_VERSION = "NoSuchVersion";
    public static final String MISSING_PARAMETER = "MissingParameter";
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String UNKNOWN_PARAMETER = "UnknownParameter";
    public static final String RATE_LIMIT_EXCEEDED = "LimitExceeded.RateLimitExceeded";
    public static final String ZONE_NOT_FOUND = "ResourceUnavailable.ZoneNotFound";
    public static final String ZONE_PAUSED = "OperationDenied.ErrZoneIsAlreadyPaused";
    /** A change in a zone not active (pending, moved, deactivated, initializing), or to a host in {@code init}. */
    public static final String INVALID_ZONE_STATUS = "FailedOperation.InvalidZoneStatus";
    /** The generic refusal; ModifyHostsCertificate's answer for a {@code forbidden} (banned) host. */
    public static final String OPERATION_DENIED = "OperationDenied";
    public static final String HOST_NOT_FOUND = "ResourceUnavailable.HostNotFound";
    public static final String CERT_NOT_FOUND = "ResourceUnavailable.CertNotFound";
    public static final String CERT_EXPIRED = "FailedOperation.CertificateHasExpired";
    public static final String CERT_NOT_MATCH_DOMAIN = "InvalidParameter.CertNotMatchDomain";
    public static final String WILDCARD_HOST_FREE_CERT = "InvalidParameter.CnameWildHostNotAllowApplyCertificate";
    public static final String HOSTS_CERTIFICATE_INCONSISTENCY = "OperationDenied.HostsCertificateInconsistency";
    /** A ModifyHostsCertificate failure that may have changed the hosts anyway; repeating the call often succeeds. */
    public static final String MODIFY_FAILED = "FailedOperation.ModifyFailed";
    public static final String SYSTEM_ERROR = "InternalError.SystemError";
    public static final String ACTION_IN_PROGRESS = "InvalidParameter.ActionInProgress";
    public static final String CONFIG_LOCKED = "InternalError.ConfigLocked";
    /** DescribeAccelerationDomains or ModifyHostsCertificate of a zone the credentials may not act on (CAM), or of a Pages zone. */
    public static final String UNAUTHORIZED_ZONE = "UnauthorizedOperation.CamUnauthorized";
    /** The common code of a request the caller's CAM policy does not allow: the SSL service's refusal by default. */
    public static final String CAM_UNAUTHORIZED = "AuthFailure.UnauthorizedOperation";

    /** What a transient fault answers with, one picked at random per faulty call. */
    public static final List<String> TRANSIENT = List.of(SYSTEM_ERROR, ACTION_IN_PROGRESS, CONFIG_LOCKED);

    private ErrorCodes() {
    }
}
