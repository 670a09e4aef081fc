package io.certrotator.simulator;

/** What a bad-body fault answers instead of the API's JSON, always with HTTP 200. */
public enum BadBody {
    /** An HTML page, as a misconfigured proxy might send. */
    NOT_JSON,
    /** Nothing at all. */
    EMPTY,
    /** JSON, but not the {@code {"Response":{...}}} envelope. */
    UNEXPECTED_SHAPE,
    /** A well-formed answer padded to {@link #HUGE_BYTES}. */
    HUGE;

    public static final int HUGE_BYTES = 8 << 20;
}
