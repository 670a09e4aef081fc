package io.certrotator.engine;

import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.plan.HostGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Confirms that the API did what it said, for one zone once its calls are answered: reads the accepted hosts back
 * (by page or by name, whichever takes fewer calls), and reads again, with back-off, those whose certificate is
 * still on its way or not there yet, until {@code timeout}. A host that shows the target is SUCCEEDED; one that
 * shows something else at the end, or a certificate that failed, is FAILED with {@code VerificationFailed}; so is,
 * at once, a host whose state keeps it as it is (offline), and the message names that state. A host not read back
 * when the run stops stays accepted (PENDING with its call's request ID), for the next run to read.
 */
final class ReadBack {

    private final LiveStateReader reader;
    private final GroupOutcomeRecorder recorder;
    private final RetryPolicy pollPolicy;
    private final Duration timeout;
    private final RunStop stop;
    private final LostConnection lostConnection;

    ReadBack(LiveStateReader reader, GroupOutcomeRecorder recorder, RetryPolicy pollPolicy, Duration timeout,
             RunStop stop, LostConnection lostConnection) {
        this.reader = reader;
        this.recorder = recorder;
        this.pollPolicy = pollPolicy;
        this.timeout = timeout;
        this.stop = stop;
        this.lostConnection = lostConnection;
    }

    /** @param accepted each accepted host of the zone, with the group that carried it */
    void verify(String zoneId, Map<String, HostGroup> accepted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, HostGroup> waiting = check(zoneId, accepted, false);
        for (int round = 1; !waiting.isEmpty() && stop.pause(Duration.ofNanos(Math.min(
                pollPolicy.delayAfter(round).toNanos(), Math.max(0, deadline - System.nanoTime())))); round++) {
            waiting = check(zoneId, waiting, System.nanoTime() >= deadline);
        }
    }

    /** Reads the hosts and fails those that show something wrong; returns those to read again. */
    private Map<String, HostGroup> check(String zoneId, Map<String, HostGroup> waiting, boolean last)
            throws InterruptedException {
        if (waiting.isEmpty()) {
            return Map.of();
        }
        Map<String, HostConfig> live;
        try {
            live = reader.read(zoneId, waiting.keySet());
        } catch (DescribeFailed failed) {
            lostConnection.stopReason(DescribeAccelerationDomains.ACTION, failed).ifPresentOrElse(stop::stop,
                    () -> waiting.forEach((host, group) -> recorder.verificationFailed(group.only(host),
                            "could not read the host back: " + failed.getMessage())));
            return Map.of();
        }
        Map<String, HostGroup> again = new HashMap<>();
        List<Long> done = new ArrayList<>();
        waiting.forEach((host, group) -> {
            HostConfig config = live.get(host);
            if (config == null) {
                recorder.verificationFailed(group.only(host), "DescribeAccelerationDomains no longer lists the host");
                return;
            }
            switch (config.towards(group.mode(), group.certIds())) {
                case DONE -> done.addAll(group.linesOf(host));
                case BROKEN -> fail(group, host, config);
                case UNDER_WAY, DIFFERENT -> {
                    if (last || !config.state().showsChanges()) {
                        fail(group, host, config);
                    } else {
                        again.put(host, group);
                    }
                }
            }
        });
        if (!done.isEmpty()) {
            recorder.verified(done);
        }
        return again;
    }

    private void fail(HostGroup group, String host, HostConfig config) {
        recorder.verificationFailed(group.only(host), config.state().readBackNote() + "shows " + config.describe()
                + ", expected " + HostConfig.describeTarget(group.mode(), group.certIds()));
    }
}
