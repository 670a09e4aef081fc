package io.certrotator.edgeone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static io.certrotator.edgeone.DescribeAccelerationDomains.MAX_LIMIT;
import static io.certrotator.edgeone.DescribeAccelerationDomains.MAX_NAMES;

/**
 * Reads the certificate configuration of some hosts of a zone with DescribeAccelerationDomains, in as few calls as
 * it can: by name, 20 a call, or by paging through the whole zone, 200 a call, whichever is fewer. A read of more
 * than 20 hosts starts with the pages that many hosts fill, sent together on {@code executor} rather than one after
 * the other (the zone usually holds about the hosts the input names); the first answers tell the zone's size, and
 * what those pages did not find is then read by the remaining pages or by name. The client paces every call;
 * transient errors are retried after the policy's back-off.
 */
public final class LiveStateReader {

    private final EdgeOneClient client;
    private final RetryPolicy retryPolicy;
    private final Executor executor;
    private final BackOffPause pause;

    public LiveStateReader(EdgeOneClient client, RetryPolicy retryPolicy, Executor executor, BackOffPause pause) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.executor = executor;
        this.pause = pause;
    }

    /**
     * The configuration of each host the zone lists; a host missing from the map is not in the zone.
     *
     * @throws DescribeFailed when a call's attempts run out or its error is not retried
     */
    public Map<String, HostConfig> read(String zoneId, Collection<String> hosts) throws InterruptedException {
        return read(zoneId, hosts, listing -> {
        });
    }

    /**
     * As {@link #read(String, Collection)}, and gives each call's share of the hosts to {@code onListing} as it is
     * answered, on this thread: every host found once.
     */
    public Map<String, HostConfig> read(String zoneId, Collection<String> hosts,
                                        Consumer<Map<String, HostConfig>> onListing)
            throws InterruptedException {
        Set<String> wanted = Set.copyOf(hosts);
        if (wanted.size() <= MAX_NAMES) {
            return byName(zoneId, wanted, wanted, onListing);
        }
        int firstPages = ceilDiv(wanted.size(), MAX_LIMIT);
        Answers first = callAll(pages(zoneId, 0, firstPages), wanted, onListing);
        List<String> missing = wanted.stream().filter(host -> !first.found().containsKey(host)).toList();
        int pagesLeft = Math.max(0, ceilDiv(first.totalCount(), MAX_LIMIT) - firstPages);
        if (!missing.isEmpty() && pagesLeft > 0) {
            first.found().putAll(pagesLeft <= ceilDiv(missing.size(), MAX_NAMES)
                    ? callAll(pages(zoneId, firstPages, firstPages + pagesLeft), wanted, onListing).found()
                    : byName(zoneId, missing, wanted, onListing));
        }
        return first.found();
    }

    /** DescribeAccelerationDomains calls sent so far, answered or not. */
    public long callsMade() {
        return client.callsMade();
    }

    private record Answers(long totalCount, Map<String, HostConfig> found) {
    }

    private static List<DescribeAccelerationDomains> pages(String zoneId, int from, int to) {
        List<DescribeAccelerationDomains> pages = new ArrayList<>();
        for (int page = from; page < to; page++) {
            pages.add(DescribeAccelerationDomains.page(zoneId, page * MAX_LIMIT));
        }
        return pages;
    }

    private Map<String, HostConfig> byName(String zoneId, Collection<String> hosts, Set<String> wanted,
                                           Consumer<Map<String, HostConfig>> onListing) throws InterruptedException {
        List<String> sorted = hosts.stream().sorted().toList();
        List<DescribeAccelerationDomains> requests = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += MAX_NAMES) {
            requests.add(DescribeAccelerationDomains.named(zoneId,
                    sorted.subList(from, Math.min(sorted.size(), from + MAX_NAMES))));
        }
        return callAll(requests, wanted, onListing).found();
    }

    /** Sends the requests together and hands each answer to {@code onListing}, on this thread, as it comes. */
    private Answers callAll(List<DescribeAccelerationDomains> requests, Set<String> wanted,
                            Consumer<Map<String, HostConfig>> onListing) throws InterruptedException {
        CompletionService<DomainPage> answers = new ExecutorCompletionService<>(executor);
        requests.forEach(request -> answers.submit(() -> call(request)));
        long totalCount = 0;
        Map<String, HostConfig> found = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            DomainPage page = answered(answers);
            Map<String, HostConfig> listed = new HashMap<>(page.hosts());
            listed.keySet().retainAll(wanted);
            onListing.accept(listed);
            found.putAll(listed);
            totalCount = Math.max(totalCount, page.totalCount());
        }
        return new Answers(totalCount, found);
    }

    private static DomainPage answered(CompletionService<DomainPage> answers) throws InterruptedException {
        try {
            return answers.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw new InterruptedException(e.getCause().getMessage());
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private DomainPage call(DescribeAccelerationDomains request) throws InterruptedException {
        return DomainPage.of(RetriedCalls.call(client, DescribeAccelerationDomains.ACTION, request.parameters(),
                retryPolicy, pause).response());
    }

    private static int ceilDiv(long count, int size) {
        return (int) ((count + size - 1) / size);
    }
}
