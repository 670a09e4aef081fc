package io.certrotator.edgeone;

/**
 * Why a row is FAILED before any ModifyHostsCertificate call: its zone or host is in a state in which the call cannot
 * succeed. {@code code} is the API's own code for that refusal where the API has one, so that the report and the
 * summary's advice name one code whether the job or the API refused.
 */
public record StateRefusal(String code, String message) {

    /** The zone is paused (disabled): the API's answer to any change in it. */
    public static final String ZONE_PAUSED = "OperationDenied.ErrZoneIsAlreadyPaused";
    /** The zone is not active (pending, moved, deactivated, initializing), or the host waits for its activation. */
    public static final String ZONE_NOT_ACTIVE = "FailedOperation.InvalidZoneStatus";
    /** The host is banned by EdgeOne ({@code forbidden}); the API documents no code of its own for this action. */
    public static final String HOST_FORBIDDEN = "HostForbidden";
}
