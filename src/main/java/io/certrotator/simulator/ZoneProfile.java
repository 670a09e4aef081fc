package io.certrotator.simulator;

/**
 * What DescribeZones shows of a zone beside its ID and whether it is paused: its name, access type ({@code full},
 * {@code partial}, {@code noDomainAccess}, {@code pages}, ...), status ({@code active}, {@code pending}, ...), and
 * whether the credentials may read its hosts (a zone of type {@code pages}, or one marked unauthorized, answers
 * DescribeAccelerationDomains with {@link ErrorCodes#UNAUTHORIZED_ZONE}).
 */
public record ZoneProfile(String name, String type, String status, boolean unauthorized) {
    public static final String PAGES = "pages";

    /** A CNAME-accessed active zone named after its ID. */
    public static ZoneProfile defaultFor(String zoneId) {
        return new ZoneProfile(zoneId.replaceFirst("^zone-", "") + ".example.com", "partial", "active", false);
    }

    /** Whether the zone takes changes: its status is {@code active} (not pending, moved, deactivated, ...). */
    public boolean active() {
        return "active".equals(status);
    }

    public boolean hostsReadable() {
        return !unauthorized && !PAGES.equals(type);
    }

    /** {@code ActiveStatus}: {@code paused} for a paused zone, {@code active} once active, else {@code inactive}. */
    public String activeStatus(boolean paused) {
        return paused ? "paused" : active() ? "active" : "inactive";
    }
}
