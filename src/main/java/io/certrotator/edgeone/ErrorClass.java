package io.certrotator.edgeone;

/** What the job does about an API error. */
public enum ErrorClass {
    /** "Try again later": retried with back-off. */
    TRANSIENT,
    /** The call's hosts may differ in this: split the group so the good hosts still rotate. */
    HOST_SPECIFIC,
    /**
     * The call failed, yet it may have changed the hosts anyway, and the same call often succeeds when repeated: read
     * the hosts back; those on the target are done, the others are sent again a few times.
     */
    AMBIGUOUS,
    /** Retrying will not fix it: the rows of the call fail. */
    PERMANENT,
    /** Continuing is pointless (credentials, the endpoint): stop the run, rows stay pending. */
    FATAL,
    /**
     * The credentials may not act on the call's zone (a CAM policy that leaves it out, an EdgeOne Pages zone): that
     * zone's rows fail, and the other zones go on, unless the first zones tried are all refused (engine's ZoneAccess).
     */
    ZONE_UNAUTHORIZED
}
