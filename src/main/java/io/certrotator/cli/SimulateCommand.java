package io.certrotator.cli;

import io.certrotator.simulator.CallRecord;
import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.Faults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code simulate}: runs the EdgeOne simulator on 127.0.0.1 until SIGTERM/SIGINT. It accepts exactly the credentials
 * in {@code TENCENTCLOUD_SECRET_ID} / {@code TENCENTCLOUD_SECRET_KEY} (and {@code TENCENTCLOUD_SESSION_TOKEN} if set).
 */
@Command(name = "simulate",
        description = {"Serves an EdgeOne simulator (ModifyHostsCertificate, DescribeAccelerationDomains, DescribeZones;"
                + " for requests to ssl.tencentcloudapi.com the SSL service's DescribeCertificates and"
                + " UploadCertificate) on 127.0.0.1 until stopped (SIGTERM or Ctrl-C). It accepts exactly the credentials in TENCENTCLOUD_SECRET_ID /"
                + " TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN if set).", ""},
        footer = {"", "Exit codes: 0 after a clean stop, 1 cannot listen, 2 bad option or missing credentials."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", order = 1, paramLabel = "FILE.csv",
            description = {"zones, hosts and certificates implied by a rotation CSV", "  Default: none (--seed or"
                    + " --state is required)"})
    private Path seedCsv;

    @Option(names = "--state", order = 2, paramLabel = "FILE.json",
            description = {"zones, hosts and certificates in full (names, expiry, paused zones)", "  Default: none"})
    private Path stateFile;

    private int port;

    @Option(names = "--port-file", order = 4, paramLabel = "FILE",
            description = {"write the chosen port here once listening", "  Default: none"})
    private Path portFile;

    private long latencyMs;
    private long jitterMs;
    private double outlierRate;
    private long outlierMs;
    private double transientErrorRate;
    private double http502Rate;
    private double dropRate;
    private double hangRate;
    private long hangMs;
    private int rateLimit;

    @Option(names = "--random-seed", order = 15, paramLabel = "N", defaultValue = "1", description = "seed of the fault dice")
    private long randomSeed;

    @Option(names = "--log-calls", order = 16, description = {"print one line per call",
            CertRotatorCommand.FLAG_DEFAULT})
    private boolean logCalls;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    /** Completes when the simulator should stop; null: when the JVM is asked to stop. */
    private final CompletableFuture<?> stop;

    SimulateCommand() {
        this(System.getenv(), System.out, System.err, null);
    }

    private SimulateCommand(Map<String, String> env, PrintStream out, PrintStream err, CompletableFuture<?> stop) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.stop = stop;
    }

    /** Serves until {@code stop} completes; {@code args} are those after the word {@code simulate}. For embedding and tests. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          CompletableFuture<?> stop) {
        CommandLine commandLine = CertRotatorCommand.commandLine(GivenCommands.of(new SimulateCommand(env, out, err, stop)))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return CertRotatorCommand.execute(commandLine,
                Stream.concat(Stream.of("simulate"), Arrays.stream(args)).toArray(String[]::new));
    }

    @Option(names = "--port", order = 3, paramLabel = "N", defaultValue = "0", description = "port to listen on, 0 for any free one")
    private void port(int number) {
        port = (int) Bounds.check(spec, "--port", number, 0, 65535);
    }

    @Option(names = "--latency-ms", order = 5, paramLabel = "N", defaultValue = "0", description = "added latency per request")
    private void latencyMs(long millis) {
        latencyMs = Bounds.atLeast(spec, "--latency-ms", millis, 0);
    }

    @Option(names = "--jitter-ms", order = 6, paramLabel = "N", defaultValue = "0", description = "random extra latency up to N ms")
    private void jitterMs(long millis) {
        jitterMs = Bounds.atLeast(spec, "--jitter-ms", millis, 0);
    }

    @Option(names = "--outlier-rate", order = 7, paramLabel = "P", defaultValue = "0",
            description = "share of requests that are slow outliers, 0 to 1")
    private void outlierRate(double share) {
        outlierRate = Bounds.probability(spec, "--outlier-rate", share);
    }

    @Option(names = "--outlier-ms", order = 8, paramLabel = "N", defaultValue = "2000", description = "an outlier's latency")
    private void outlierMs(long millis) {
        outlierMs = Bounds.atLeast(spec, "--outlier-ms", millis, 0);
    }

    @Option(names = "--transient-error-rate", order = 9, paramLabel = "P", defaultValue = "0",
            description = "share answered with a \"try again later\" error, 0 to 1")
    private void transientErrorRate(double share) {
        transientErrorRate = Bounds.probability(spec, "--transient-error-rate", share);
    }

    @Option(names = "--http-502-rate", order = 10, paramLabel = "P", defaultValue = "0",
            description = "share answered with HTTP 502, 0 to 1")
    private void http502Rate(double share) {
        http502Rate = Bounds.probability(spec, "--http-502-rate", share);
    }

    @Option(names = "--drop-rate", order = 11, paramLabel = "P", defaultValue = "0",
            description = "share whose connection is dropped, 0 to 1")
    private void dropRate(double share) {
        dropRate = Bounds.probability(spec, "--drop-rate", share);
    }

    @Option(names = "--hang-rate", order = 12, paramLabel = "P", defaultValue = "0", description = "share that hang, 0 to 1")
    private void hangRate(double share) {
        hangRate = Bounds.probability(spec, "--hang-rate", share);
    }

    @Option(names = "--hang-ms", order = 13, paramLabel = "N", defaultValue = "60000", description = "how long a hung request hangs")
    private void hangMs(long millis) {
        hangMs = Bounds.atLeast(spec, "--hang-ms", millis, 0);
    }

    @Option(names = "--rate-limit", order = 14, paramLabel = "N", defaultValue = "20",
            description = "admitted calls per action in any sliding second")
    private void rateLimit(int calls) {
        rateLimit = (int) Bounds.atLeast(spec, "--rate-limit", calls, 1);
    }

    @Override
    public Integer call() {
        if (seedCsv == null && stateFile == null) {
            throw usage("--seed=FILE.csv or --state=FILE.json is required");
        }
        refuseUnreadable("--seed", seedCsv);
        refuseUnreadable("--state", stateFile);
        if (portFile != null) {
            if (seedCsv != null) {
                SameFile.refuseOverwriting(portFile, "--port-file", seedCsv, "the seed " + seedCsv);
            }
            if (stateFile != null) {
                SameFile.refuseOverwriting(portFile, "--port-file", stateFile, "the state " + stateFile);
            }
            WritableFolder.unwritable(portFile.toAbsolutePath().normalize().getParent()).ifPresent(why -> {
                throw usage("Invalid value for option '--port-file': cannot write " + portFile + ": " + why);
            });
        }
        String secretId = env.getOrDefault("TENCENTCLOUD_SECRET_ID", "");
        String secretKey = env.getOrDefault("TENCENTCLOUD_SECRET_KEY", "");
        if (secretId.isBlank() || secretKey.isBlank()) {
            throw usage("set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY to the credentials the simulator"
                    + " should accept");
        }
        String token = env.get("TENCENTCLOUD_SESSION_TOKEN");
        EdgeOneSimulator.Builder builder = EdgeOneSimulator.builder()
                .credentials(secretId, secretKey, token == null || token.isBlank() ? null : token)
                .port(port).seedCsv(seedCsv).stateFile(stateFile).faults(faults()).rateLimit(rateLimit)
                .randomSeed(randomSeed);
        if (logCalls) {
            builder.onCall(call -> out.println(describe(call)));
        }
        EdgeOneSimulator simulator;
        try {
            simulator = builder.build();
        } catch (UncheckedIOException e) {
            err.println("cert-rotator simulate: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        return stop != null ? serve(simulator, stop) : serveUntilTheJvmStops(simulator);
    }

    private Faults faults() {
        return Faults.NONE
                .withLatency(Duration.ofMillis(latencyMs), Duration.ofMillis(jitterMs))
                .withOutliers(outlierRate, Duration.ofMillis(outlierMs))
                .withTransientErrorRate(transientErrorRate)
                .withHttp502Rate(http502Rate)
                .withDropRate(dropRate)
                .withHangs(hangRate, Duration.ofMillis(hangMs));
    }

    private int serveUntilTheJvmStops(EdgeOneSimulator simulator) {
        CompletableFuture<Void> stopping = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            stopping.complete(null);
            stopped.join();
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopOnSignals(stopping);
        try {
            return serve(simulator, stopping);
        } finally {
            stopped.complete(null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: nothing to remove
            }
        }
    }

    /**
     * SIGTERM and Ctrl-C are a clean stop, exit 0: handled here, they end {@link #serve} as a completed {@code stop}
     * does. Left to the JVM, they would run the shutdown hook and exit 143 or 130. A second signal, when the stop
     * hangs (a request held by --hang-ms, say), or comes once it stopped, exits at once as the JVM would: these handlers
     * stay until the JVM ends, rather than give {@link ProcessSignals}' back. A signal the JVM does not let us handle
     * (ignored, or {@code -Xrs}) keeps the hook's stop.
     */
    private static void stopOnSignals(CompletableFuture<Void> stopping) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), received -> {
                    if (!stopping.complete(null)) {
                        Runtime.getRuntime().halt(128 + received.getNumber());
                    }
                });
            } catch (IllegalArgumentException unavailable) {
                // the shutdown hook stops the simulator
            }
        }
    }

    private int serve(EdgeOneSimulator simulator, CompletableFuture<?> until) {
        try (simulator) {
            simulator.start();
            if (portFile != null) {
                writeAtomically(portFile, Integer.toString(simulator.port()));
            }
            EdgeOneState state = simulator.state();
            out.printf("EdgeOne simulator listening on %s (%d zones, %d hosts, %d certificates)%n", simulator.address(),
                    state.zoneCount(), state.hostCount(), state.certificateCount());
            out.flush();
            until.join();
            simulator.callLog().actions().forEach(action -> out.println(simulator.callLog().summary(action, simulator.rateLimit()).line()));
            out.flush();
            return ExitCodes.SUCCEEDED;
        } catch (UncheckedIOException e) {
            err.println("cert-rotator simulate: " + e.getMessage());
            return ExitCodes.STOPPED;
        }
    }

    private void refuseUnreadable(String option, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw usage("Invalid value for option '" + option + "': cannot read " + file);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Path absolute = target.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), ".port", ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the port file " + target + ": " + e.getMessage(), e);
        }
    }

    private static String describe(CallRecord call) {
        return String.format("%s %s zone=%s hosts=%s mode=%s certs=%s -> %s %s", call.arrivedAt(), call.action(),
                call.zoneId(), call.hosts(), call.mode(), call.certIds(), call.outcome(), call.requestId());
    }
}
