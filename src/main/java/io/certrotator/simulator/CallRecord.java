package io.certrotator.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One request as the simulator saw it. {@code arrivalNanos} is {@link System#nanoTime()} when the request was
 * received. Parameters are what the body named, as far as it
 * could be read ({@code null} / empty otherwise). {@code outcome} is {@link #OK}, an API error code, or one of
 * {@link #HTTP_502}, {@link #DROPPED}, {@link #HUNG}, {@link #BAD_BODY}. {@code admitted} means the call passed authentication and the
 * rate limiter. {@code sessionToken} is the {@code X-TC-Token} the request carried (null: none).
 */
public record CallRecord(long arrivalNanos, Instant arrivedAt, String action, String zoneId, List<String> hosts,
                         String mode, List<String> certIds, boolean admitted, String outcome, String requestId,
                         String sessionToken) {
    public static final String OK = "OK";
    public static final String HTTP_502 = "HTTP_502";
    public static final String DROPPED = "DROPPED";
    public static final String HUNG = "HUNG";
    public static final String BAD_BODY = "BAD_BODY";

    public CallRecord {
        hosts = List.copyOf(hosts);
        certIds = List.copyOf(certIds);
    }

    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
