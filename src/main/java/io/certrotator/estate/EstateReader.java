package io.certrotator.estate;

import io.certrotator.edgeone.RetriedCalls;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.ApiService;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.DescribeAccelerationDomains;
import io.certrotator.edgeone.DescribeCertificates;
import io.certrotator.edgeone.DescribeZones;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.edgeone.Pacers;
import io.certrotator.edgeone.RetryPolicy;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads the estate: the zones the credentials can see (DescribeZones, 100 a call), every host of each zone
 * (DescribeAccelerationDomains without filters, 200 a call) and the account's certificates from the SSL service
 * (DescribeCertificates, 1,000 a call). Each action has a budget of its own: 20 calls per second for the EdgeOne
 * reads, the given rate for DescribeCertificates. The first page of a listing tells its size, and its other pages
 * then go together; a zone's hosts are read as soon as the page listing it is answered, and the certificates
 * alongside, so that many calls are in flight and each budget is used to its limit. Transient errors are retried
 * ({@link RetriedCalls}).
 * <p>
 * A zone whose hosts cannot be read is in the snapshot as unreadable, with the API's code; certificates the SSL
 * service refuses are missing, with why, while the hosts and their certificate IDs are still there. Only a failure
 * of DescribeZones stops the read ({@link EstateReadException}).
 */
public final class EstateReader {

    /**
     * Calls in flight for each action, on threads of its own so that no action waits for another's threads: enough to
     * reach 20 per second with answers that take up to a second and a half.
     */
    static final int CONCURRENCY = 32;

    private final EdgeOneClient zonesClient;
    private final EdgeOneClient domainsClient;
    private final EdgeOneClient certificatesClient;
    private final RetriedCalls calls;

    /** @param sslRate DescribeCertificates calls per second ({@link CertRotatorProperties#SSL_DESCRIBE_RATE} by default) */
    public EstateReader(ApiAccess access, Pacers pacers, RetryPolicy retryPolicy, int sslRate) {
        this.zonesClient = access.newClient(ApiService.TEO,
                pacers.pacer(DescribeZones.ACTION, CallPacer.API_LIMIT_PER_SECOND));
        this.domainsClient = access.newClient(ApiService.TEO,
                pacers.pacer(DescribeAccelerationDomains.ACTION, CallPacer.API_LIMIT_PER_SECOND));
        this.certificatesClient = access.newClient(ApiService.SSL, pacers.pacer(DescribeCertificates.ACTION, sslRate));
        this.calls = new RetriedCalls(retryPolicy);
    }

    /** @throws EstateReadException when the zones cannot be listed */
    public EstateSnapshot read(ZoneSelection selection) {
        return read(selection, new EstateReadProgress());
    }

    /**
     * @param progress counts the answers as they arrive, for a progress display
     * @throws EstateReadException when the zones cannot be listed
     */
    public EstateSnapshot read(ZoneSelection selection, EstateReadProgress progress) {
        ExecutorService zonesPool = pool(DescribeZones.ACTION);
        ExecutorService domainsPool = pool(DescribeAccelerationDomains.ACTION);
        ExecutorService certificatesPool = pool(DescribeCertificates.ACTION);
        try {
            CompletableFuture<Map<String, CertificateRecord>> certificates = paged(certificatesPool,
                    DescribeCertificates.MAX_LIMIT, offset -> call(progress, certificatesClient,
                            DescribeCertificates.ACTION, new DescribeCertificates(offset).parameters()), "Certificates",
                    cert -> {
                        progress.certificateListed();
                        return CertificateRecord.of(cert);
                    })
                    .thenApply(EstateReader::byId);
            List<ZoneRead> zones = new ArrayList<>();
            Map<String, ZoneRead> started = new ConcurrentHashMap<>();
            for (DescribeZones request : zoneRequests(selection)) {
                zones.addAll(join(paged(zonesPool, DescribeZones.MAX_LIMIT,
                        offset -> call(progress, zonesClient, DescribeZones.ACTION, request.at(offset).parameters()),
                        "Zones", zone -> started.computeIfAbsent(zone.path("ZoneId").asString(""), id -> {
                            progress.zoneListed();
                            return readHosts(domainsPool, ZoneRecord.of(zone), progress);
                        }))));
            }
            return snapshot(selection, zones, certificates);
        } finally {
            List.of(zonesPool, domainsPool, certificatesPool).forEach(ExecutorService::shutdownNow);
        }
    }

    private static ExecutorService pool(String action) {
        return Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "estate-" + action);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A zone, and its hosts on their way: the list, or why it cannot be read. A zone listed twice (named by ID and by
     * name) is read once.
     */
    private record ZoneRead(ZoneRecord zone, CompletableFuture<List<HostRecord>> hosts) {
    }

    private ZoneRead readHosts(ExecutorService pool, ZoneRecord zone, EstateReadProgress progress) {
        CompletableFuture<List<HostRecord>> hosts = paged(pool, DescribeAccelerationDomains.MAX_LIMIT,
                offset -> call(progress, domainsClient, DescribeAccelerationDomains.ACTION,
                        DescribeAccelerationDomains.page(zone.zoneId(), offset).parameters()),
                "AccelerationDomains", domain -> HostRecord.of(zone.zoneId(), domain));
        hosts.whenComplete((read, failed) -> progress.zoneRead(read == null ? 0 : read.size()));
        return new ZoneRead(zone, hosts);
    }

    private static EstateSnapshot snapshot(ZoneSelection selection, List<ZoneRead> reads,
                                           CompletableFuture<Map<String, CertificateRecord>> certificates) {
        List<ZoneRecord> zones = new ArrayList<>();
        List<HostRecord> hosts = new ArrayList<>();
        Map<String, ReadFailure> unreadable = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ZoneRead read : reads) {
            if (!seen.add(read.zone().zoneId())) {
                continue;
            }
            zones.add(read.zone());
            Outcome<List<HostRecord>> outcome = outcome(read.hosts());
            outcome.value().ifPresent(hosts::addAll);
            outcome.failure().ifPresent(failure -> unreadable.put(read.zone().zoneId(), failure));
        }
        Outcome<Map<String, CertificateRecord>> certs = outcome(certificates);
        return new EstateSnapshot(zones, hosts, unreadable, unknown(selection, zones), certs.value().orElse(Map.of()),
                certs.failure());
    }

    /** The asked-for zone IDs and names that DescribeZones did not list. */
    private static List<String> unknown(ZoneSelection selection, List<ZoneRecord> zones) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        zones.forEach(zone -> {
            ids.add(zone.zoneId());
            names.add(zone.zoneName());
        });
        List<String> unknown = new ArrayList<>();
        selection.zoneIds().stream().filter(id -> !ids.contains(id)).forEach(unknown::add);
        selection.zoneNames().stream().filter(name -> !names.contains(name)).forEach(unknown::add);
        return unknown;
    }

    /** Every zone, or one request per 20 IDs and per 20 names asked for. */
    private static List<DescribeZones> zoneRequests(ZoneSelection selection) {
        if (selection.all()) {
            return List.of(DescribeZones.all(0));
        }
        List<DescribeZones> requests = new ArrayList<>();
        DescribeZones.batches(selection.zoneIds().stream().distinct().toList())
                .forEach(ids -> requests.add(new DescribeZones(DescribeZones.ZONE_ID, ids, 0)));
        DescribeZones.batches(selection.zoneNames().stream().distinct().toList())
                .forEach(names -> requests.add(new DescribeZones(DescribeZones.ZONE_NAME, names, 0)));
        return requests;
    }

    /**
     * Every item of a paged listing, in the API's order: the first page, then every other page at once, each item
     * mapped as soon as its page is answered. The other pages are sent before the first page's items are mapped, so
     * that work the mapping starts (a zone's hosts) queues behind them.
     */
    private static <T> CompletableFuture<List<T>> paged(ExecutorService pool, int pageSize,
                                                        IntFunction<JsonNode> pageAt, String listField,
                                                        Function<JsonNode, T> item) {
        Function<Integer, CompletableFuture<List<T>>> page = offset -> CompletableFuture.supplyAsync(() -> {
            List<T> items = new ArrayList<>();
            pageAt.apply(offset).path(listField).forEach(node -> items.add(item.apply(node)));
            return items;
        }, pool);
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> pageAt.apply(0), pool);
        return first.thenCompose(response -> {
            List<CompletableFuture<List<T>>> rest = new ArrayList<>();
            for (long offset = pageSize; offset < response.path("TotalCount").asLong(0); offset += pageSize) {
                rest.add(page.apply((int) offset));
            }
            List<T> firstItems = new ArrayList<>();
            response.path(listField).forEach(node -> firstItems.add(item.apply(node)));
            return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<T> all = new ArrayList<>(firstItems);
                rest.forEach(more -> all.addAll(more.join()));
                return all;
            });
        });
    }

    private JsonNode call(EstateReadProgress progress, EdgeOneClient client, String action,
                          Map<String, Object> parameters) {
        progress.callSent();
        try {
            return calls.call(client, action, parameters).response();
        } finally {
            progress.callEnded();
        }
    }

    private static Map<String, CertificateRecord> byId(List<CertificateRecord> certificates) {
        Map<String, CertificateRecord> byId = new LinkedHashMap<>();
        certificates.forEach(cert -> byId.put(cert.certificateId(), cert));
        return byId;
    }

    /** A read's value, or why it failed. */
    private record Outcome<T>(Optional<T> value, Optional<ReadFailure> failure) {
    }

    private static <T> Outcome<T> outcome(CompletableFuture<T> read) {
        try {
            return new Outcome<>(Optional.of(read.join()), Optional.empty());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RetriedCalls.Failed failed) {
                return new Outcome<>(Optional.empty(), Optional.of(ReadFailure.of(failed.error())));
            }
            throw e;
        }
    }

    private static <T> T join(CompletableFuture<T> read) {
        Outcome<T> outcome = outcome(read);
        return outcome.value().orElseThrow(() -> new EstateReadException(outcome.failure().orElseThrow()));
    }
}
