package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.input.Target;
import io.certrotator.plan.HostGroup;
import io.certrotator.plan.HostGrouper;
import io.certrotator.plan.RowDecision;
import io.certrotator.results.PendingRow;
import io.certrotator.results.PreviousState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One zone, from its pending rows to their outcomes, on a zone worker: read the hosts' live state, settle the rows
 * that need no call (already on the target, or not in the zone), send the rest in host groups, then read the
 * accepted hosts back. The groups go out on the shared call workers, so a big zone has many calls in flight; and
 * each answer of the live-state read is grouped as it comes, so a big zone's first calls go while the rest of it
 * is still being read. A zone whose state cannot be read is grouped by target only: the calls still go, and a
 * call the API refuses for mixed hosts is split.
 */
final class ZoneRotation {

    private static final Logger log = LoggerFactory.getLogger(ZoneRotation.class);
    private static final Optional<Target> UNKNOWN = Optional.empty();
    private static final String HOST_NOT_FOUND = "ResourceUnavailable.HostNotFound";

    private final LiveStateReader reader;
    private final GroupOutcomeRecorder recorder;
    private final GroupSender sender;
    private final Workers calls;
    private final RunStop stop;
    private final int maxHostsPerCall;
    private final Optional<ReadBack> readBack;
    private final boolean allowDropping;
    private final ZoneAccess access;
    private final LostConnection lostConnection;

    /** @param allowDropping whether a row may take a key type off its host ({@code --allow-dropping-certificates}) */
    ZoneRotation(LiveStateReader reader, GroupOutcomeRecorder recorder, GroupSender sender, Workers calls,
                 RunStop stop, int maxHostsPerCall, Optional<ReadBack> readBack, boolean allowDropping,
                 ZoneAccess access, LostConnection lostConnection) {
        this.reader = reader;
        this.recorder = recorder;
        this.sender = sender;
        this.calls = calls;
        this.stop = stop;
        this.maxHostsPerCall = maxHostsPerCall;
        this.readBack = readBack;
        this.allowDropping = allowDropping;
        this.access = access;
        this.lostConnection = lostConnection;
    }

    /**
     * Rotates the rows of one zone; a stop leaves the rows not decided yet PENDING. A zone in which no call can succeed
     * ({@code zoneRefusal}: paused, not active) fails its rows without any call.
     */
    void rotate(List<PendingRow> rows, Optional<StateRefusal> zoneRefusal) {
        try {
            if (zoneRefusal.isPresent()) {
                recorder.withoutCall(new RowDecision.Refused(zoneRefusal.get()), rows);
                return;
            }
            rotateZone(rows.get(0).zoneId(), rows);
        } catch (InterruptedException stopped) {
            // a call was not sent because the run stops
        } catch (RuntimeException e) {
            stop.stop("could not record a result: " + e.getMessage());
        }
    }

    private void rotateZone(String zoneId, List<PendingRow> rows) throws InterruptedException {
        Map<String, List<PendingRow>> unread = new LinkedHashMap<>();
        rows.forEach(row -> unread.computeIfAbsent(row.host(), host -> new ArrayList<>()).add(row));
        List<Future<List<HostGroup>>> sent = new ArrayList<>();
        HostGrouper grouper = new HostGrouper(maxHostsPerCall,
                group -> calls.submit(() -> sender.send(group)).ifPresent(sent::add));
        boolean readWhole = true;
        try {
            reader.read(zoneId, List.copyOf(unread.keySet()), listed -> plan(listed, unread, grouper));
        } catch (DescribeFailed failed) {
            lostConnection.stopReason(DescribeAccelerationDomains.ACTION, failed).ifPresent(stop::stop);
            if (stop.stopped()) {
                return;
            }
            if (failed.error().errorClass() == ErrorClass.ZONE_UNAUTHORIZED) {
                List<PendingRow> refused = unread.values().stream().flatMap(List::stream).toList();
                unread.clear();
                ApiResponse.Error error = ZoneAccess.naming(zoneId, DescribeAccelerationDomains.ACTION, failed.error());
                access.refused(zoneId, failed.error(), () -> recorder.failedWithoutCall(refused, error.code(),
                        error.message(), error.requestId()));
            } else {
                log.warn("{}: cannot read the live state ({}); rotating without it", zoneId, failed.getMessage());
                readWhole = false;
            }
        }
        List<PendingRow> rest = unread.values().stream().flatMap(List::stream).toList();
        if (readWhole && !rest.isEmpty()) {
            recorder.failedWithoutCall(rest, HOST_NOT_FOUND,
                    "DescribeAccelerationDomains does not list the host in the zone", null);
        } else {
            rest.forEach(row -> grouper.add(row, UNKNOWN));
        }
        grouper.flush();
        Map<String, HostGroup> accepted = new HashMap<>();
        for (Future<List<HostGroup>> call : sent) {
            answer(call).forEach(group -> group.hosts().forEach(host -> accepted.put(host, group)));
        }
        if (readBack.isPresent() && !stop.stopped()) {
            readBack.get().verify(zoneId, accepted);
        }
        access.allowed(zoneId);
    }

    /**
     * Settles or groups the rows of the hosts one answer of the live-state read lists, after recording what those
     * hosts carry now for the rows no call was sent for yet, as {@link RowDecision} decides: unchanged, failed before a call, or to the grouper.
     */
    private void plan(Map<String, HostConfig> listed, Map<String, List<PendingRow>> unread, HostGrouper grouper) {
        List<PreviousState> previous = new ArrayList<>();
        Map<RowDecision, List<PendingRow>> settled = new LinkedHashMap<>();
        List<PendingRow> toSend = new ArrayList<>();
        listed.forEach((host, config) -> {
            for (PendingRow row : unread.getOrDefault(host, List.of())) {
                if (row.attempts() == 0) {
                    // once a call of the row was sent, the host may carry its change: what it had is read no more
                    previous.add(new PreviousState(row.line(), config.mode(), config.certIdsText()));
                }
                RowDecision decision = RowDecision.forHost(config, row.mode(), row.certIds(), allowDropping);
                if (decision == RowDecision.SEND) {
                    toSend.add(row);
                } else {
                    settled.computeIfAbsent(decision, d -> new ArrayList<>()).add(row);
                }
            }
            unread.remove(host);
        });
        if (!previous.isEmpty()) {
            recorder.previous(previous);
        }
        settled.forEach(recorder::withoutCall);
        toSend.forEach(row -> grouper.add(row, listed.get(row.host()).key()));
    }

    /** The groups a call got accepted; none when it could not be recorded (which stops the run) or was not sent. */
    private List<HostGroup> answer(Future<List<HostGroup>> call) throws InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof InterruptedException)) {
                stop.stop("could not record a result: " + e.getCause().getMessage());
            }
            return List.of();
        }
    }
}
