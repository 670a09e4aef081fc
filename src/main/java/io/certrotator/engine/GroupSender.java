package io.certrotator.engine;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.ModifyHostsCertificate;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one host group until its rows are decided, on a call worker: a transient error is retried after the
 * policy's back-off (the worker waits it out, so the retry goes before any group the worker has not started); a
 * group the API refuses for a reason that may concern only some of its hosts is split in halves, down to single
 * hosts; a fatal error stops the run. Every outcome is recorded as its answer arrives.
 */
final class GroupSender {

    private final EdgeOneClient client;
    private final RetryPolicy retryPolicy;
    private final GroupOutcomeRecorder recorder;
    private final RunStop stop;
    private final ZoneAccess access;
    private final AtomicLong rateRefusals = new AtomicLong();

    GroupSender(EdgeOneClient client, RetryPolicy retryPolicy, GroupOutcomeRecorder recorder, RunStop stop,
                ZoneAccess access) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.recorder = recorder;
        this.stop = stop;
        this.access = access;
    }

    /**
     * @return the groups the API accepted (this one, or its parts after a split), with the attempts they took
     * @throws InterruptedException when the run stopped before a call could be sent: its rows stay PENDING
     */
    List<HostGroup> send(HostGroup group) throws InterruptedException {
        for (int tries = 1; !stop.stopped(); tries++) {
            HostGroup attempted = group.withAttempts(group.attempts() + tries);
            ApiResponse response = client.call(ModifyHostsCertificate.ACTION, new ModifyHostsCertificate(
                    group.zoneId(), group.hosts(), group.mode(), group.certIds()).parameters());
            if (response instanceof ApiResponse.Ok ok) {
                recorder.succeeded(attempted, ok.requestId());
                access.allowed(group.zoneId());
                return List.of(attempted);
            }
            ApiResponse.Error error = (ApiResponse.Error) response;
            if (ErrorClassifier.RATE_LIMIT_EXCEEDED.equals(error.code())) {
                rateRefusals.incrementAndGet();
            }
            switch (error.errorClass()) {
                case PERMANENT -> {
                    recorder.failed(attempted, error);
                    return List.of();
                }
                case FATAL -> {
                    recorder.undecided(attempted);
                    stop.stop(refusal(error));
                    return List.of();
                }
                case ZONE_UNAUTHORIZED -> {
                    recorder.undecided(attempted);
                    access.refused(group.zoneId(), error, () -> recorder.failed(attempted,
                            ZoneAccess.naming(group.zoneId(), ModifyHostsCertificate.ACTION, error)));
                    return List.of();
                }
                case HOST_SPECIFIC -> {
                    return split(attempted, error);
                }
                case TRANSIENT -> {
                    if (!retryPolicy.mayRetryAfter(tries)) {
                        recorder.failed(attempted, error);
                        return List.of();
                    }
                    recorder.undecided(attempted);
                    if (!stop.pause(retryPolicy.delayAfter(tries))) {
                        return List.of();
                    }
                }
            }
        }
        return List.of();
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

    /** Why the run stops on a fatal answer, to any action. */
    static String refusal(ApiResponse.Error error) {
        return FatalRefusal.reason(error, Instant.now());
    }
}
