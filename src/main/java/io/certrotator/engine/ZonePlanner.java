package io.certrotator.engine;

import io.certrotator.edgeone.DescribeFailed;
import io.certrotator.edgeone.LiveStateReader;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.plan.HostGrouper;
import io.certrotator.results.PendingRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Plans each zone from its live state: takes the pending rows (ordered by zone), and when a zone's rows are all in,
 * reads the hosts' current configuration, settles the rows that need no call (already on the target, or not in
 * the zone), and groups the rest by target and current configuration. Each answer of the read is planned as it
 * comes, so the zone's first calls go while the rest of it is still being read. A zone whose state cannot be read
 * is grouped by target only (the hosts not read yet): the calls still go, and a call the API refuses for mixed
 * hosts is split.
 */
final class ZonePlanner implements Consumer<PendingRow> {

    private static final Logger log = LoggerFactory.getLogger(ZonePlanner.class);
    private static final String UNKNOWN = "?";
    private static final long POLL_MILLIS = 20;

    private final LiveStateReader reader;
    private final GroupOutcomeRecorder recorder;
    private final HostGrouper grouper;
    private final RotationDispatcher dispatcher;
    private final AcceptedCalls verification;
    private final List<PendingRow> zoneRows = new ArrayList<>();

    ZonePlanner(LiveStateReader reader, GroupOutcomeRecorder recorder, HostGrouper grouper,
                RotationDispatcher dispatcher, AcceptedCalls verification) {
        this.reader = reader;
        this.recorder = recorder;
        this.grouper = grouper;
        this.dispatcher = dispatcher;
        this.verification = verification;
    }

    @Override
    public void accept(PendingRow row) {
        if (!zoneRows.isEmpty() && !zoneRows.get(0).zoneId().equals(row.zoneId())) {
            flush();
        }
        zoneRows.add(row);
    }

    /** Plans the zone being read, if any; call once after the last row. */
    void flush() {
        if (zoneRows.isEmpty()) {
            return;
        }
        String zoneId = zoneRows.get(0).zoneId();
        Map<String, List<PendingRow>> unread = new LinkedHashMap<>();
        zoneRows.forEach(row -> unread.computeIfAbsent(row.host(), host -> new ArrayList<>()).add(row));
        zoneRows.clear();
        BlockingQueue<LiveStateReader.Listing> answers = new LinkedBlockingQueue<>();
        CompletableFuture<Map<String, HostConfig>> read = reader.read(zoneId, List.copyOf(unread.keySet()),
                dispatcher::stopped, answers::add);
        while (!read.isDone() || !answers.isEmpty()) {
            LiveStateReader.Listing answer = nextAnswer(answers);
            if (answer != null) {
                plan(zoneId, answer, unread);
            }
        }
        boolean readWhole = readWhole(zoneId, read);
        List<PendingRow> rest = unread.values().stream().flatMap(List::stream).toList();
        if (readWhole && !rest.isEmpty()) {
            recorder.notListed(rest);
        } else {
            rest.forEach(row -> grouper.add(row, UNKNOWN));
        }
        grouper.flush();
        dispatcher.seal(zoneId);
    }

    private LiveStateReader.Listing nextAnswer(BlockingQueue<LiveStateReader.Listing> answers) {
        try {
            return answers.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispatcher.stop("interrupted");
            throw new RotationEngine.StopReading();
        }
    }

    /**
     * Settles or groups the rows of the hosts one answer lists; those that go to calls are first made known to
     * verification with their page.
     */
    private void plan(String zoneId, LiveStateReader.Listing answer, Map<String, List<PendingRow>> unread) {
        List<PendingRow> unchanged = new ArrayList<>();
        List<Map.Entry<PendingRow, String>> toSend = new ArrayList<>();
        answer.hosts().forEach((host, config) -> {
            for (PendingRow row : unread.getOrDefault(host, List.of())) {
                if (config.towards(row.mode(), row.certIds()) == HostConfig.Progress.DONE) {
                    unchanged.add(row);
                } else {
                    toSend.add(Map.entry(row, config.key()));
                }
            }
            unread.remove(host);
        });
        if (answer.onPage() && !toSend.isEmpty()) {
            verification.listed(zoneId, answer.offset(),
                    toSend.stream().map(entry -> entry.getKey().host()).collect(Collectors.toSet()));
        }
        toSend.forEach(entry -> grouper.add(entry.getKey(), entry.getValue()));
        if (!unchanged.isEmpty()) {
            recorder.unchanged(unchanged);
        }
    }

    /** Whether the zone was read to the end; a fatal refusal stops the run. */
    private boolean readWhole(String zoneId, CompletableFuture<Map<String, HostConfig>> read) {
        try {
            read.join();
            return true;
        } catch (CompletionException e) {
            if (e.getCause() instanceof DescribeFailed failed && failed.fatal()) {
                dispatcher.stop(RotationDispatcher.refusal(failed.error()));
                throw new RotationEngine.StopReading();
            }
            if (dispatcher.stopped()) {
                throw new RotationEngine.StopReading();
            }
            log.warn("{}: cannot read the live state ({}); rotating without it", zoneId, e.getCause().getMessage());
            return false;
        }
    }
}
