package io.certrotator.job;

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

/**
 * Reads the certificate configuration of some hosts of a zone with DescribeAccelerationDomains, in as few calls as
 * it can: by name, 20 a call, or by paging through the whole zone, 200 a call, whichever is fewer. The first page
 * tells the zone's size, so a read of more than 20 hosts starts with it. The client paces every call with the
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
    public CompletableFuture<Map<String, HostConfig>> read(String zoneId, Collection<String> hosts, RunControl run) {
        Set<String> wanted = Set.copyOf(hosts);
        if (wanted.size() <= DescribeAccelerationDomains.MAX_NAMES) {
            return byName(zoneId, wanted, run);
        }
        return call(DescribeAccelerationDomains.page(zoneId, 0), run, 1).thenCompose(first -> {
            Map<String, HostConfig> found = listed(first, wanted);
            List<String> missing = wanted.stream().filter(host -> !found.containsKey(host)).toList();
            long pagesLeft = ceilDiv(first.totalCount(), DescribeAccelerationDomains.MAX_LIMIT) - 1;
            CompletableFuture<Map<String, HostConfig>> rest = missing.isEmpty()
                    ? CompletableFuture.completedFuture(Map.of())
                    : pagesLeft <= ceilDiv(missing.size(), DescribeAccelerationDomains.MAX_NAMES)
                    ? pages(zoneId, first.totalCount(), wanted, run)
                    : byName(zoneId, missing, run);
            return rest.thenApply(more -> {
                found.putAll(more);
                return found;
            });
        });
    }

    /** DescribeAccelerationDomains calls sent so far, answered or not. */
    public long callsMade() {
        return client.callsMade();
    }

    private CompletableFuture<Map<String, HostConfig>> pages(String zoneId, long total, Set<String> wanted,
                                                             RunControl run) {
        List<CompletableFuture<DomainPage>> pages = new ArrayList<>();
        for (long offset = DescribeAccelerationDomains.MAX_LIMIT; offset < total;
             offset += DescribeAccelerationDomains.MAX_LIMIT) {
            pages.add(call(DescribeAccelerationDomains.page(zoneId, (int) offset), run, 1));
        }
        return merged(pages, wanted);
    }

    private CompletableFuture<Map<String, HostConfig>> byName(String zoneId, Collection<String> hosts,
                                                              RunControl run) {
        List<String> sorted = hosts.stream().sorted().toList();
        List<CompletableFuture<DomainPage>> pages = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += DescribeAccelerationDomains.MAX_NAMES) {
            List<String> names = sorted.subList(from, Math.min(sorted.size(), from + DescribeAccelerationDomains.MAX_NAMES));
            pages.add(call(DescribeAccelerationDomains.named(zoneId, names), run, 1));
        }
        return merged(pages, Set.copyOf(hosts));
    }

    private static CompletableFuture<Map<String, HostConfig>> merged(List<CompletableFuture<DomainPage>> pages,
                                                                      Set<String> wanted) {
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, HostConfig> found = new HashMap<>();
            pages.forEach(page -> found.putAll(listed(page.join(), wanted)));
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

    private CompletableFuture<DomainPage> call(DescribeAccelerationDomains request, RunControl run, int attempt) {
        return CompletableFuture.supplyAsync(() -> send(request, run), executor).thenCompose(response -> {
            if (response instanceof ApiResponse.Ok ok) {
                return CompletableFuture.completedFuture(DomainPage.of(ok.response()));
            }
            ApiResponse.Error error = (ApiResponse.Error) response;
            if (error.errorClass() == ErrorClass.TRANSIENT && retryPolicy.mayRetryAfter(attempt) && !run.stopped()) {
                Executor later = CompletableFuture.delayedExecutor(retryPolicy.delayAfter(attempt).toMillis(),
                        TimeUnit.MILLISECONDS, executor);
                return CompletableFuture.supplyAsync(() -> null, later)
                        .thenCompose(ignored -> call(request, run, attempt + 1));
            }
            return CompletableFuture.failedFuture(new DescribeFailed(error));
        });
    }

    private ApiResponse send(DescribeAccelerationDomains request, RunControl run) {
        if (run.stopped()) {
            throw new CompletionException(new DescribeFailed(new ApiResponse.Error(ErrorClassifier.NETWORK_ERROR,
                    "the run stopped", null)));
        }
        return client.call(DescribeAccelerationDomains.ACTION, request.parameters());
    }

    private static long ceilDiv(long count, int size) {
        return (count + size - 1) / size;
    }
}
