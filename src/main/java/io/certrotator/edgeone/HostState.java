package io.certrotator.edgeone;

import java.util.Locale;
import java.util.Optional;

/**
 * A host's {@code DomainStatus} as DescribeAccelerationDomains shows it, and what it means for a certificate change:
 * the one place that decides, per state, whether a ModifyHostsCertificate call for the host can succeed.
 * <ul>
 * <li>{@code online} (serving) and {@code process} (a change being deployed): the call goes;</li>
 * <li>{@code offline} (disabled by its owner): the call goes, but the API keeps the host as it is while it is
 * offline, so the read-back fails it at once, naming the state;</li>
 * <li>{@code init} (waiting for its zone to be activated) and {@code forbidden} (banned): no call can succeed, the
 * row fails before any.</li>
 * </ul>
 * A status the API adds later, or none, is treated as {@code online}: the call decides.
 */
public enum HostState {
    ONLINE, PROCESS, OFFLINE, INIT, FORBIDDEN, UNKNOWN;

    public static HostState of(String domainStatus) {
        return switch (domainStatus == null ? "" : domainStatus.toLowerCase(Locale.ROOT)) {
            case "online" -> ONLINE;
            case "process" -> PROCESS;
            case "offline" -> OFFLINE;
            case "init" -> INIT;
            case "forbidden" -> FORBIDDEN;
            default -> UNKNOWN;
        };
    }

    /** Why a call for a host in this state cannot succeed; empty when the call should go. */
    public Optional<StateRefusal> refusal() {
        return switch (this) {
            case INIT -> Optional.of(new StateRefusal(StateRefusal.ZONE_NOT_ACTIVE,
                    "the host is init: it takes no configuration until its zone is active"));
            case FORBIDDEN -> Optional.of(new StateRefusal(StateRefusal.HOST_FORBIDDEN,
                    "the host is forbidden: EdgeOne has banned it, no configuration can be changed"));
            default -> Optional.empty();
        };
    }

    /** Whether an accepted change shows on the host in this state; waiting will not make it show when false. */
    public boolean showsChanges() {
        return this != OFFLINE;
    }

    /** What a VerificationFailed message says of the state before what the host shows; nothing when online. */
    public String readBackNote() {
        return switch (this) {
            case ONLINE, UNKNOWN -> "";
            case OFFLINE -> "the host is offline (an accepted change does not show until it is enabled): ";
            default -> "the host's status is " + name().toLowerCase(Locale.ROOT) + ": ";
        };
    }
}
