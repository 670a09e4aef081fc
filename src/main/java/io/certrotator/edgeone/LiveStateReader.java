package io.certrotator.edgeone;

import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DomainPage;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.HostConfig;
import io.certrotator.edgeone.RetryPolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads the certificate configuration of some hosts of a zone with DescribeAccelerationDomains, in as few calls as
 * it can: by name, 20 a call, or by paging through the whole zone, 200 a call, whichever is fewer. A read of more
 * than 20 hosts starts with the pages that many hosts fill, sent together rather than one after the other (the zone
 * usually holds about the hosts the input names); the first page tells the zone's size, and what those pages did
 * not find is then read by the remaining pages or by name. The client paces every call with the
 * Describe pacer; errors are classified and retried like ModifyHostsCertificate's, the wait holding no thread.
 */
public final class LiveStateReader {

    private final EdgeOneClient client;
    private final RetryPolicy retryPolicy;
    private final Executor executor;

    public LiveStateReader(EdgeOneClient client, RetryPolicy retryPolicy, Executor executor) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.executor = executor;
    }

    /**
     * The configuration of each host the zone lists; a host missing from the map is not in the zone. Completes
     * exceptionally with {@link DescribeFailed} when a call's attempts run out or its error is not retried.
     */
    public CompletableFuture<Map<String, HostConfig>> read(String zoneId, Collection<String> hosts,
                                                           BooleanSupplier stopped) {
        return read(zoneId, hosts, stopped, page -> {
        });
    }

    /**
     * As {@link #read(String, Collection, BooleanSupplier)}, and gives each call's share of the hosts to {@code onPage}
     * as it is answered, on the thread that took the answer: every host found once, before the read completes.
     */
    public CompletableFuture<Map<String, HostConfig>> read(String zoneId, Collection<String> hosts,
                                                           BooleanSupplier stopped, Consumer<Listing> onPage) {
        Set<String> wanted = Set.copyOf(hosts);
        if (wanted.size() <= DescribeAccelerationDomains.MAX_NAMES) {
            return byName(zoneId, wanted, stopped, onPage);
        }
        int firstPages = (int) ceilDiv(wanted.size(), DescribeAccelerationDomains.MAX_LIMIT);
        List<CompletableFuture<Answer>> first = pages(zoneId, 0, firstPages, wanted, stopped, onPage);
        return merged(first).thenCompose(found -> {
            List<String> missing = wanted.stream().filter(host -> !found.containsKey(host)).toList();
            long total = first.get(0).join().totalCount();
            long pagesLeft = Math.max(0, ceilDiv(total, DescribeAccelerationDomains.MAX_LIMIT) - firstPages);
            CompletableFuture<Map<String, HostConfig>> rest = missing.isEmpty() || pagesLeft == 0
                    ? CompletableFuture.completedFuture(Map.of())
                    : pagesLeft <= ceilDiv(missing.size(), DescribeAccelerationDomains.MAX_NAMES)
                    ? merged(pages(zoneId, firstPages, firstPages + pagesLeft, wanted, stopped, onPage))
                    : byName(zoneId, missing, stopped, onPage);
            return rest.thenApply(more -> {
                found.putAll(more);
                return found;
            });
        });
    }

    /**
     * As {@link #read(String, Collection, BooleanSupplier)}, starting with the one page at {@code offset}, where an
     * earlier read listed the hosts: one call where a read by name would take one per 20 hosts. Hosts the page no
     * longer lists (the zone's listing moved) are then read as {@code read} reads them.
     */
    public CompletableFuture<Map<String, HostConfig>> readPage(String zoneId, int offset, Collection<String> hosts,
                                                               BooleanSupplier stopped) {
        Set<String> wanted = Set.copyOf(hosts);
        return reported(DescribeAccelerationDomains.page(zoneId, offset), wanted, stopped, listing -> {
        }).thenCompose(answer -> {
            List<String> moved = wanted.stream().filter(host -> !answer.found().containsKey(host)).toList();
            if (moved.isEmpty()) {
                return CompletableFuture.completedFuture(answer.found());
            }
            return read(zoneId, moved, stopped).thenApply(more -> {
                Map<String, HostConfig> found = new HashMap<>(answer.found());
                found.putAll(more);
                return found;
            });
        });
    }

    /** DescribeAccelerationDomains calls sent so far, answered or not. */
    public long callsMade() {
        return client.callsMade();
    }

    /** Pages {@code from} (inclusive) to {@code to} (exclusive), all sent at once. */
    private List<CompletableFuture<Answer>> pages(String zoneId, long from, long to, Set<String> wanted,
                                                  BooleanSupplier stopped, Consumer<Listing> onPage) {
        List<CompletableFuture<Answer>> pages = new ArrayList<>();
        for (long page = from; page < to; page++) {
            pages.add(reported(DescribeAccelerationDomains.page(zoneId,
                    (int) (page * DescribeAccelerationDomains.MAX_LIMIT)), wanted, stopped, onPage));
        }
        return pages;
    }

    private CompletableFuture<Map<String, HostConfig>> byName(String zoneId, Collection<String> hosts,
                                                              BooleanSupplier stopped, Consumer<Listing> onPage) {
        List<String> sorted = hosts.stream().sorted().toList();
        Set<String> wanted = Set.copyOf(hosts);
        List<CompletableFuture<Answer>> pages = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += DescribeAccelerationDomains.MAX_NAMES) {
            List<String> names = sorted.subList(from, Math.min(sorted.size(), from + DescribeAccelerationDomains.MAX_NAMES));
            pages.add(reported(DescribeAccelerationDomains.named(zoneId, names), wanted, stopped, onPage));
        }
        return merged(pages);
    }

    /**
     * One call's share of the hosts read: those it lists, and where: the {@code offset} of its page in the zone's
     * listing, or {@link #BY_NAME}.
     */
    public record Listing(int offset, Map<String, HostConfig> hosts) {
        public static final int BY_NAME = -1;

        public boolean onPage() {
            return offset != BY_NAME;
        }
    }

    /** One call's answer: the zone's size, and the wanted hosts it lists. */
    private record Answer(long totalCount, Map<String, HostConfig> found) {
    }

    /** One call, retried as needed; its wanted hosts go to {@code onPage} once it is answered. */
    private CompletableFuture<Answer> reported(DescribeAccelerationDomains request, Set<String> wanted,
                                               BooleanSupplier stopped, Consumer<Listing> onPage) {
        return call(request, stopped, 1).thenApply(page -> {
            Answer answer = new Answer(page.totalCount(), listed(page, wanted));
            onPage.accept(new Listing(request.names().isEmpty() ? request.offset() : Listing.BY_NAME, answer.found()));
            return answer;
        });
    }

    private static CompletableFuture<Map<String, HostConfig>> merged(List<CompletableFuture<Answer>> answers) {
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, HostConfig> found = new HashMap<>();
            answers.forEach(answer -> found.putAll(answer.join().found()));
            return found;
        });
    }

    private static Map<String, HostConfig> listed(DomainPage page, Set<String> wanted) {
        Map<String, HostConfig> found = new HashMap<>();
        page.hosts().forEach((host, config) -> {
            if (wanted.contains(host)) {
                found.put(host, config);
            }
        });
        return found;
    }

    private CompletableFuture<DomainPage> call(DescribeAccelerationDomains request, BooleanSupplier stopped,
                                               int attempt) {
        return CompletableFuture.supplyAsync(() -> send(request, stopped), executor).thenCompose(response -> {
            if (response instanceof ApiResponse.Ok ok) {
                return CompletableFuture.completedFuture(DomainPage.of(ok.response()));
            }
            ApiResponse.Error error = (ApiResponse.Error) response;
            if (error.errorClass() == ErrorClass.TRANSIENT && retryPolicy.mayRetryAfter(attempt)
                    && !stopped.getAsBoolean()) {
                Executor later = CompletableFuture.delayedExecutor(retryPolicy.delayAfter(attempt).toMillis(),
                        TimeUnit.MILLISECONDS, executor);
                return CompletableFuture.supplyAsync(() -> null, later)
                        .thenCompose(ignored -> call(request, stopped, attempt + 1));
            }
            return CompletableFuture.failedFuture(new DescribeFailed(error));
        });
    }

    private ApiResponse send(DescribeAccelerationDomains request, BooleanSupplier stopped) {
        if (stopped.getAsBoolean()) {
            throw new CompletionException(new DescribeFailed(new ApiResponse.Error(ErrorClassifier.NETWORK_ERROR,
                    "the run stopped", null)));
        }
        return client.call(DescribeAccelerationDomains.ACTION, request.parameters());
    }

    private static long ceilDiv(long count, int size) {
        return (count + size - 1) / size;
    }
}
