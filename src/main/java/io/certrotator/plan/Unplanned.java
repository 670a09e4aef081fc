package io.certrotator.plan;

/**
 * A host the plan leaves out, and why. {@code host} is {@link #EVERY_HOST} for a zone whose hosts could not be read.
 */
public record Unplanned(String zoneId, String host, String reason) {

    public static final String EVERY_HOST = "*";
}
