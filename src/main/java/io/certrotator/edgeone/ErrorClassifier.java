package io.certrotator.edgeone;

import java.util.List;
import java.util.Set;

/**
 * The one place that decides what an EdgeOne error code means for the run: the SPEC's API table plus the
 * common error codes every Tencent Cloud API answers with.
 */
public final class ErrorClassifier {

    /** The API's refusal for rate: a retry, and a figure of the run. */
    public static final String RATE_LIMIT_EXCEEDED = "LimitExceeded.RateLimitExceeded";
    /** Codes this client gives failures that never reached the API's answer (network, HTTP, bad body). */
    public static final String NETWORK_ERROR = "NetworkError";
    public static final String HTTP_ERROR = "HttpError";
    public static final String INVALID_RESPONSE = "InvalidResponse";

    private static final Set<String> TRANSIENT = Set.of(
            RATE_LIMIT_EXCEEDED,
            "InvalidParameter.ActionInProgress",
            "OperationDenied.ConfigLocked",
            "FailedOperation.ConfigLocked",
            "InvalidParameter.ZoneIsGrayPublishing",
            "OperationDenied.DisableZoneNotCompleted",
            "ServiceUnavailable",
            NETWORK_ERROR, HTTP_ERROR, INVALID_RESPONSE);

    private static final List<String> TRANSIENT_FAMILIES = List.of("RequestLimitExceeded", "InternalError",
            "ResourceInUse");

    /** The credentials themselves are refused, everywhere: the session token, the clock, the key, the account. */
    private static final List<String> FATAL_FAMILIES = List.of("AuthFailure");
    /** A session token that has expired (temporary credentials) or is not valid: worth reading the credentials again. */
    public static final String TOKEN_FAILURE = "AuthFailure.TokenFailure";
    /** This machine's clock is more than 5 minutes off the API's. */
    public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

    /** Refused for one resource (a zone the CAM policy leaves out, a Pages zone), not for the credentials as such. */
    private static final List<String> ZONE_UNAUTHORIZED_FAMILIES = List.of("UnauthorizedOperation");

    /**
     * The request went to an endpoint or API that cannot take it: no row could succeed, and failing them all
     * would make the operator edit the input to try again, so the run stops with the rows PENDING instead.
     */
    private static final Set<String> WRONG_ENDPOINT = Set.of("InvalidAction", "NoSuchVersion", "ActionOffline",
            "NoSuchProduct", "UnsupportedRegion", "UnsupportedProtocol");

    /** Plain {@code OperationDenied} is what the API answers for a forbidden (banned) host among others. */
    private static final Set<String> HOST_SPECIFIC = Set.of(
            "OperationDenied",
            "InvalidParameter.CertNotMatchDomain",
            "ResourceUnavailable.HostNotFound",
            "InvalidParameter.HostStatusNotAllowApplyCertificate",
            "InvalidParameter.CnameWildHostNotAllowApplyCertificate");

    /**
     * {@code OperationDenied.Hosts...Inconsistency}: hosts of one call differ in something one call must keep the same
     * (their certificates, client or upstream certificates, keyless servers): smaller groups may all pass.
     */
    private static final String HOSTS_INCONSISTENT_PREFIX = "OperationDenied.Hosts";
    private static final String HOSTS_INCONSISTENT_SUFFIX = "Inconsistency";

    /** ModifyHostsCertificate's failures that users see succeed when the call is repeated, or half done. */
    private static final Set<String> AMBIGUOUS = Set.of("FailedOperation", "FailedOperation.ModifyFailed");

    private ErrorClassifier() {
    }

    public static ErrorClass classify(String code) {
        if (code == null || code.isBlank()) {
            return ErrorClass.TRANSIENT;
        }
        if (TRANSIENT.contains(code) || inFamily(code, TRANSIENT_FAMILIES)) {
            return ErrorClass.TRANSIENT;
        }
        if (inFamily(code, FATAL_FAMILIES) || WRONG_ENDPOINT.contains(code)) {
            return ErrorClass.FATAL;
        }
        if (inFamily(code, ZONE_UNAUTHORIZED_FAMILIES)) {
            return ErrorClass.ZONE_UNAUTHORIZED;
        }
        if (HOST_SPECIFIC.contains(code) || code.startsWith(HOSTS_INCONSISTENT_PREFIX)
                && code.endsWith(HOSTS_INCONSISTENT_SUFFIX)) {
            return ErrorClass.HOST_SPECIFIC;
        }
        if (AMBIGUOUS.contains(code)) {
            return ErrorClass.AMBIGUOUS;
        }
        return ErrorClass.PERMANENT;
    }

    /**
     * Whether the code says the API itself gave no answer: no connection, a timeout, a dropped connection
     * ({@code NetworkError}), or an HTTP error status without the API's JSON ({@code HttpError}, from a proxy or
     * gateway that cannot reach it).
     */
    public static boolean isNoAnswer(String code) {
        return NETWORK_ERROR.equals(code) || HTTP_ERROR.equals(code);
    }

    /** {@code AuthFailure} is the family of {@code AuthFailure} and {@code AuthFailure.SignatureFailure}. */
    private static boolean inFamily(String code, List<String> families) {
        return families.stream().anyMatch(family -> code.equals(family) || code.startsWith(family + "."));
    }
}
