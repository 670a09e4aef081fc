package io.certrotator.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A strict local stand-in for the EdgeOne API ({@code teo}, version 2022-09-01) and the SSL certificate service
 * ({@code ssl}, 2019-12-05), served over HTTP on 127.0.0.1 (the Host header picks the service). It checks
 * TC3-HMAC-SHA256 signatures scoped to the service, limits each EdgeOne action to {@code rateLimit} admitted calls in
 * any 1-second window and {@code DescribeCertificates} and {@code UploadCertificate} to their documented
 * {@value #SSL_DESCRIBE_LIMIT}, answers {@code ModifyHostsCertificate}, {@code DescribeAccelerationDomains},
 * {@code DescribeZones} and the SSL service's {@code DescribeCertificates} and {@code UploadCertificate} like the real API (see the action classes for the error codes; an unknown zone is
 * {@code ResourceUnavailable.ZoneNotFound}; other SSL actions are {@code InvalidAction}), and misbehaves on demand
 * ({@link Faults}, scripted per-host failures, silent hosts, credential changes, a refused certificate listing).
 *
 * <pre>{@code
 * try (EdgeOneSimulator sim = EdgeOneSimulator.builder().credentials(id, key).seedCsv(csv).build().start()) {
 *     int port = sim.port();   // use 127.0.0.1:port as an HTTP proxy, or as the endpoint
 * }
 * }</pre>
 */
public final class EdgeOneSimulator implements AutoCloseable {
    /** The SSL service's documented limit for DescribeCertificates, per second. */
    public static final int SSL_DESCRIBE_LIMIT = 10;
    /** The SSL service's documented limit for UploadCertificate, per second (the international site's page). */
    public static final int SSL_UPLOAD_LIMIT = 10;


    /*
     * The JDK server writes an answer's headers and body in separate packets; with Nagle's algorithm on, the body
     * waits for the client's delayed ACK, about 40 ms an answer. The server reads this property once, when its
     * first instance in the JVM is made (sun.net.httpserver.ServerConfig), so it is set here, before any
     * simulator makes one; a value given on the command line is kept.
     */
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private final Map<String, CredentialStore.Secret> initialCredentials;
    private final Path seedCsv;
    private final Path stateFile;
    private final int port;
    private final int initialRateLimit;
    private final Faults initialFaults;
    private final Clock clock;
    private final Consumer<CallRecord> callListener;
    private final EdgeOneState state = new EdgeOneState();
    private final CredentialStore credentials = new CredentialStore();
    private final SlidingWindowRateLimiter rateLimiter;
    private final FaultInjector faultInjector;
    private final ScriptedFailures scriptedFailures = new ScriptedFailures();
    private final Set<String> silentHosts = ConcurrentHashMap.newKeySet();
    private final CallLog callLog = new CallLog();
    private final DescribeCertificatesAction certificateListing;
    private final DescribeZonesAction zoneListing = new DescribeZonesAction(state);
    private final UploadCertificateAction certificateUpload;
    private HttpServer server;
    private ExecutorService executor;

    private EdgeOneSimulator(Builder config) {
        this.initialCredentials = Map.copyOf(config.credentials);
        this.seedCsv = config.seedCsv;
        this.stateFile = config.stateFile;
        this.port = config.port;
        this.initialRateLimit = config.rateLimit;
        this.initialFaults = config.faults;
        this.clock = Clock.offset(Clock.systemUTC(), config.clockOffset);
        this.callListener = config.callListener;
        this.rateLimiter = new SlidingWindowRateLimiter(initialRateLimit,
                Map.of(DescribeCertificatesAction.NAME, SSL_DESCRIBE_LIMIT,
                        UploadCertificateAction.NAME, SSL_UPLOAD_LIMIT));
        this.certificateListing = new DescribeCertificatesAction(state, clock);
        this.certificateUpload = new UploadCertificateAction(state, clock);
        this.faultInjector = new FaultInjector(initialFaults, config.randomSeed);
        credentials.replaceAll(initialCredentials);
        resetState();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on the configured port (0: a free one) and serves until {@link #close()}. */
    public synchronized EdgeOneSimulator start() {
        if (server != null) {
            throw new IllegalStateException("the simulator is already started");
        }
        SimulatedService teo = new SimulatedService(SimulatedService.TEO, ApiHttpHandler.VERSION, Map.of(
                ModifyHostsCertificateAction.NAME,
                new ModifyHostsCertificateAction(state, scriptedFailures, silentHosts, clock),
                DescribeAccelerationDomainsAction.NAME, new DescribeAccelerationDomainsAction(state),
                DescribeZonesAction.NAME, zoneListing));
        SimulatedService ssl = new SimulatedService(SimulatedService.SSL, ApiHttpHandler.SSL_VERSION, Map.of(
                DescribeCertificatesAction.NAME, certificateListing,
                UploadCertificateAction.NAME, certificateUpload));
        ApiHttpHandler handler = new ApiHttpHandler(Map.of(teo.name(), teo, ssl.name(), ssl),
                new RequestAuthenticator(credentials, clock),
                rateLimiter, faultInjector, callLog, callListener, clock);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        // unbounded: every request sleeps its latency on its own thread, hung requests included
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "edgeone-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:port}, for clients that take the simulator as their endpoint. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public EdgeOneState state() {
        return state;
    }

    public Optional<HostCertificate> hostCertificate(String zoneId, String host) {
        return state.host(zoneId, host);
    }

    /** Empties the state and seeds it again from the builder's JSON state file and CSV. */
    public void resetState() {
        synchronized (state) {
            state.clear();
            try {
                if (stateFile != null) {
                    new JsonStateLoader().load(stateFile, state);
                }
                if (seedCsv != null) {
                    new CsvStateSeeder(clock.instant().plus(Duration.ofDays(365))).seed(seedCsv, state);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    public CallLog callLog() {
        return callLog;
    }

    public Faults faults() {
        return faultInjector.faults();
    }

    public void faults(Faults faults) {
        faultInjector.faults(faults);
    }

    public int rateLimit() {
        return rateLimiter.limit();
    }

    public void rateLimit(int callsPerSecondPerAction) {
        rateLimiter.limit(callsPerSecondPerAction);
    }

    /**
     * The SSL service answers every DescribeCertificates with {@code errorCode} (e.g.
     * {@link ErrorCodes#CAM_UNAUTHORIZED}, as for credentials whose CAM policy lacks the action); null serves it again.
     */
    public void refuseCertificateListing(String errorCode) {
        certificateListing.refuse(errorCode);
    }

    /**
     * Every DescribeZones answers {@code errorCode} (e.g. {@link ErrorCodes#UNAUTHORIZED_ZONE}, as for a CAM policy
     * without teo:DescribeZones); null serves it again.
     */
    public void refuseZoneListing(String errorCode) {
        zoneListing.refuse(errorCode);
    }

    /**
     * The SSL service answers every UploadCertificate with {@code errorCode} (a refusal the client's own checks do not
     * foresee, such as {@code FailedOperation.CertificateInvalid}); null takes uploads again.
     */
    public void refuseUploads(String errorCode) {
        certificateUpload.refuse(errorCode);
    }

    /** The next {@code count} calls naming the host fail with {@code InternalError.SystemError} and change nothing. */
    public void failFirstCalls(String host, int count) {
        failFirstCalls(host, count, ErrorCodes.SYSTEM_ERROR);
    }

    public void failFirstCalls(String host, int count, String errorCode) {
        scriptedFailures.add(host, count, errorCode, false);
    }

    /**
     * The next {@code count} calls naming the host fail with {@code errorCode} although they change the host as asked
     * (once the call's checks pass), as {@code FailedOperation.ModifyFailed} sometimes does; the other hosts of such a
     * call change only if they are scripted so too.
     */
    public void failFirstCallsAfterApplying(String host, int count, String errorCode) {
        scriptedFailures.add(host, count, errorCode, true);
    }

    /** Calls naming the host answer as usual, but the host's configuration never changes. */
    public void silence(String host) {
        silentHosts.add(host);
    }

    public void putCredentials(String secretId, String secretKey) {
        credentials.put(secretId, secretKey, null);
    }

    /** Temporary credentials: requests must carry {@code sessionToken} as {@code X-TC-Token}. */
    public void putCredentials(String secretId, String secretKey, String sessionToken) {
        credentials.put(secretId, secretKey, sessionToken);
    }

    /**
     * The session token is accepted for {@code calls} more calls signed with it, then answers
     * {@code AuthFailure.TokenFailure}, as temporary credentials that expire during a run.
     */
    public void expireSessionTokenAfter(String sessionToken, long calls) {
        credentials.expire(sessionToken, calls, Instant.MAX);
    }

    /** As {@link #expireSessionTokenAfter}, from {@code at} by the simulator's clock. */
    public void expireSessionTokenAt(String sessionToken, Instant at) {
        credentials.expire(sessionToken, Long.MAX_VALUE, at);
    }

    public void revokeCredentials(String secretId) {
        credentials.revoke(secretId);
    }

    /**
     * Back to the builder's faults, rate limit and credentials (no session token expiring); no scripted failures, no
     * silent hosts, zones and certificates listed and uploads taken again.
     */
    public void resetFaults() {
        certificateListing.refuse(null);
        zoneListing.refuse(null);
        certificateUpload.refuse(null);
        faultInjector.faults(initialFaults);
        rateLimiter.limit(initialRateLimit);
        rateLimiter.clear();
        scriptedFailures.clear();
        silentHosts.clear();
        credentials.replaceAll(initialCredentials);
    }

    public static final class Builder {
        private final Map<String, CredentialStore.Secret> credentials = new LinkedHashMap<>();
        private Path seedCsv;
        private Path stateFile;
        private int port;
        private int rateLimit = 20;
        private Faults faults = Faults.NONE;
        private long randomSeed = 1;
        private Consumer<CallRecord> callListener = record -> { };
        private Duration clockOffset = Duration.ZERO;

        private Builder() {
        }

        public Builder credentials(String secretId, String secretKey) {
            return credentials(secretId, secretKey, null);
        }

        /** A credential with a session token: requests must then carry it as {@code X-TC-Token}. */
        public Builder credentials(String secretId, String secretKey, String sessionToken) {
            credentials.put(secretId, new CredentialStore.Secret(secretKey, sessionToken));
            return this;
        }

        public Builder seedCsv(Path csv) {
            this.seedCsv = csv;
            return this;
        }

        public Builder stateFile(Path json) {
            this.stateFile = json;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder rateLimit(int callsPerSecondPerAction) {
            this.rateLimit = callsPerSecondPerAction;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        public Builder latency(Duration mean, Duration jitter) {
            return faults(faults.withLatency(mean, jitter));
        }

        public Builder transientErrorRate(double rate) {
            return faults(faults.withTransientErrorRate(rate));
        }

        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        /**
         * The simulator's clock runs this far ahead of this machine's (negative: behind), as the API's clock does
         * when this machine's is off: requests then carry a timestamp that far from the simulator's time.
         */
        public Builder clockOffset(Duration offset) {
            this.clockOffset = offset;
            return this;
        }

        /** Called on a request thread for every request, once its outcome is decided. */
        public Builder onCall(Consumer<CallRecord> listener) {
            this.callListener = listener;
            return this;
        }

        /** Loads the state; throws {@link UncheckedIOException} if a seed file cannot be read. */
        public EdgeOneSimulator build() {
            if (credentials.isEmpty()) {
                throw new IllegalStateException("the simulator needs at least one credential");
            }
            return new EdgeOneSimulator(this);
        }
    }
}
