package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.FatalRefusal;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Sends one host group until its rows are decided, on a call worker: a transient error is retried after the
 * policy's back-off (the worker waits it out, so the retry goes before any group the worker has not started); a
 * group the API refuses for a reason that may concern only some of its hosts is split in halves, down to single
 * hosts; a fatal error, or a last attempt that went unanswered while no other call was ({@link LostConnection}),
 * stop the run; a zone refused to the credentials gets no more calls; after an ambiguous error
 * the hosts are read back, those already on the target are accepted and the others are sent again after the
 * back-off, up to {@value #AMBIGUOUS_ATTEMPTS} such answers.
 * Every outcome is recorded as its answer arrives.
 */
final class GroupSender {

    /** Ambiguous answers a group takes before its hosts still off the target fail. */
    static final int AMBIGUOUS_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(GroupSender.class);

    private final EdgeOneClient client;
    private final LiveStateReader reader;
    private final RetryPolicy retryPolicy;
    private final GroupOutcomeRecorder recorder;
    private final RunStop stop;
    private final ZoneAccess access;
    private final LostConnection lostConnection;
    private final AtomicLong rateRefusals = new AtomicLong();

    GroupSender(EdgeOneClient client, LiveStateReader reader, RetryPolicy retryPolicy, GroupOutcomeRecorder recorder,
                RunStop stop, ZoneAccess access, LostConnection lostConnection) {
        this.client = client;
        this.reader = reader;
        this.retryPolicy = retryPolicy;
        this.recorder = recorder;
        this.stop = stop;
        this.access = access;
        this.lostConnection = lostConnection;
    }

    /**
     * @return the groups the API accepted (this one, its parts after a split, or its hosts that showed the target
     * after an ambiguous answer), with the attempts they took
     * @throws InterruptedException when the run stopped before a call could be sent: its rows stay PENDING
     */
    List<HostGroup> send(HostGroup group) throws InterruptedException {
        List<HostGroup> accepted = new ArrayList<>();
        List<String> ambiguousRequests = new ArrayList<>();
        for (int tries = 1; !stop.stopped(); tries++) {
            Optional<ApiResponse.Error> zoneRefused = access.refusal(group.zoneId());
            if (zoneRefused.isPresent()) {
                refusedZone(group.withAttempts(group.attempts() + tries - 1), zoneRefused.get());
                return accepted;
            }
            HostGroup attempted = group.withAttempts(group.attempts() + tries);
            long thisTry = System.nanoTime();
            ApiResponse response = client.call(ModifyHostsCertificate.ACTION, new ModifyHostsCertificate(
                    group.zoneId(), group.hosts(), group.mode(), group.certIds()).parameters());
            if (response instanceof ApiResponse.Ok ok) {
                recorder.succeeded(attempted, ok.requestId());
                access.allowed(group.zoneId());
                accepted.add(attempted);
                return accepted;
            }
            ApiResponse.Error error = (ApiResponse.Error) response;
            if (ErrorClassifier.RATE_LIMIT_EXCEEDED.equals(error.code())) {
                rateRefusals.incrementAndGet();
            }
            switch (error.errorClass()) {
                case PERMANENT -> {
                    recorder.failed(attempted, error);
                    return accepted;
                }
                case FATAL -> {
                    recorder.undecided(attempted);
                    stop.stop(FatalRefusal.reason(error));
                    return accepted;
                }
                case ZONE_UNAUTHORIZED -> {
                    recorder.undecided(attempted);
                    refusedZone(attempted, error);
                    return accepted;
                }
                case HOST_SPECIFIC -> {
                    accepted.addAll(split(attempted, error));
                    return accepted;
                }
                case TRANSIENT -> {
                    if (!retryPolicy.mayRetryAfter(tries)) {
                        Optional<String> lost = lostConnection.stopReason(ModifyHostsCertificate.ACTION, error,
                                thisTry);
                        if (lost.isPresent()) {
                            recorder.undecided(attempted);
                            stop.stop(lost.get());
                        } else {
                            recorder.failed(attempted, error);
                        }
                        return accepted;
                    }
                    recorder.undecided(attempted);
                    if (!stop.pause(retryPolicy.delayAfter(tries))) {
                        return accepted;
                    }
                }
                case AMBIGUOUS -> {
                    ambiguousRequests.add(error.requestId());
                    recorder.undecided(attempted);
                    List<String> offTarget = acceptApplied(attempted, error, accepted);
                    if (offTarget.isEmpty()) {
                        return accepted;
                    }
                    HostGroup rest = attempted.only(offTarget);
                    if (ambiguousRequests.size() >= AMBIGUOUS_ATTEMPTS || !retryPolicy.mayRetryAfter(tries)) {
                        recorder.failed(rest, withRequestIds(error, ambiguousRequests));
                        return accepted;
                    }
                    if (!stop.pause(retryPolicy.delayAfter(tries))) {
                        return accepted;
                    }
                    group = group.only(offTarget);
                }
            }
        }
        return accepted;
    }

    /**
     * Reads back the hosts of a call answered with an ambiguous error: those that carry the target (whatever their
     * certificates' status: the zone's read-back checks that as for any accepted host) are SUCCEEDED and added to
     * {@code accepted}.
     *
     * @return the hosts that do not carry the target, or all of them when they could not be read; none when the read's
     * failure stopped the run (a fatal answer, the API out of reach: the rows stay PENDING)
     */
    private List<String> acceptApplied(HostGroup attempted, ApiResponse.Error error, List<HostGroup> accepted)
            throws InterruptedException {
        Map<String, HostConfig> live;
        try {
            live = reader.read(attempted.zoneId(), attempted.hosts());
        } catch (DescribeFailed failed) {
            Optional<String> stops = lostConnection.stopReason(DescribeAccelerationDomains.ACTION, failed);
            if (stops.isPresent()) {
                stop.stop(stops.get());
                return List.of();
            }
            log.warn("{}: cannot read back the hosts of a call answered {} ({}); sending them again",
                    attempted.zoneId(), error.code(), failed.getMessage());
            return attempted.hosts();
        }
        Map<Boolean, List<String>> carriesTarget = attempted.hosts().stream().collect(Collectors.partitioningBy(
                host -> live.containsKey(host) && live.get(host).towards(attempted.mode(), attempted.certIds())
                        != HostConfig.Progress.DIFFERENT));
        List<String> applied = carriesTarget.get(true);
        if (!applied.isEmpty()) {
            log.info("{}: {} of {} host(s) answered {} show the target after all", attempted.zoneId(),
                    applied.size(), attempted.hosts().size(), error.code());
            HostGroup done = attempted.only(applied);
            recorder.succeeded(done, error.requestId());
            accepted.add(done);
        }
        return carriesTarget.get(false);
    }

    /** The group's rows fail as their zone's were refused, once the run is known to go on (see {@link ZoneAccess}). */
    private void refusedZone(HostGroup group, ApiResponse.Error error) {
        access.refused(group.zoneId(), error, () -> recorder.failed(group,
                ZoneAccess.naming(group.zoneId(), ModifyHostsCertificate.ACTION, error)));
    }

    /** The last ambiguous answer, its message naming the request ID of each, for the operator to quote to support. */
    private static ApiResponse.Error withRequestIds(ApiResponse.Error last, List<String> requestIds) {
        return new ApiResponse.Error(last.code(), last.message() + " (request IDs of the " + requestIds.size()
                + " attempt(s): " + String.join(", ", requestIds) + ")", last.requestId());
    }

    private List<HostGroup> split(HostGroup attempted, ApiResponse.Error error) throws InterruptedException {
        if (attempted.hosts().size() == 1) {
            recorder.failed(attempted, error);
            return List.of();
        }
        recorder.undecided(attempted);
        List<HostGroup> accepted = new ArrayList<>();
        for (HostGroup half : attempted.split()) {
            accepted.addAll(send(half));
        }
        return accepted;
    }

    long rateRefusals() {
        return rateRefusals.get();
    }
}
