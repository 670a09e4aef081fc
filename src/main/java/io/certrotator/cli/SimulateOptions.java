package io.certrotator.cli;

import io.certrotator.simulator.EdgeOneSimulator;
import io.certrotator.simulator.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The options of {@code simulate}, each {@code --name=value}; {@link IllegalArgumentException} says what is wrong. */
record SimulateOptions(int port, Path seedCsv, Path stateFile, Path portFile, Faults faults, int rateLimit,
                       long randomSeed, boolean logCalls) {

    static final String USAGE = "usage: simulate --port=N --seed=FILE.csv [--state=FILE.json] [--port-file=FILE]"
            + " [--latency-ms=N] [--jitter-ms=N] [--outlier-rate=P] [--outlier-ms=N] [--transient-error-rate=P]"
            + " [--http-502-rate=P] [--drop-rate=P] [--hang-rate=P] [--hang-ms=N] [--rate-limit=N]"
            + " [--random-seed=N] [--log-calls]";

    static final String HELP = """
            Usage: java -jar cert-rotator.jar simulate --seed=FILE.csv|--state=FILE.json [options]

            Serves an EdgeOne simulator (ModifyHostsCertificate, DescribeAccelerationDomains) on 127.0.0.1
            until stopped (SIGTERM or Ctrl-C). It accepts exactly the credentials in TENCENTCLOUD_SECRET_ID /
            TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN if set).

              --seed=FILE.csv           zones, hosts and certificates implied by a rotation CSV
              --state=FILE.json         zones, hosts and certificates in full (names, expiry, paused zones)
              --port=N                  port to listen on, 0 for any free one (default: 0)
              --port-file=FILE          write the chosen port here once listening
              --latency-ms=N            added latency per request (default: 0)
              --jitter-ms=N             random extra latency up to N ms (default: 0)
              --outlier-rate=P          share of requests that are slow outliers, 0..1 (default: 0)
              --outlier-ms=N            an outlier's latency (default: 2000)
              --transient-error-rate=P  share answered with a "try again later" error (default: 0)
              --http-502-rate=P         share answered with HTTP 502 (default: 0)
              --drop-rate=P             share whose connection is dropped (default: 0)
              --hang-rate=P             share that hang (default: 0)
              --hang-ms=N               how long a hung request hangs (default: 60000)
              --rate-limit=N            admitted calls per action in any sliding second (default: 20)
              --random-seed=N           seed of the fault dice (default: 1)
              --log-calls               print one line per call
              --help                    this text

            Exit codes: 0 after a clean stop, 1 cannot listen, 2 bad option or missing credentials.
            """;

    private static final Set<String> VALUED = Set.of("port", "seed", "state", "port-file", "latency-ms", "jitter-ms",
            "outlier-rate", "outlier-ms", "transient-error-rate", "http-502-rate", "drop-rate", "hang-rate", "hang-ms",
            "rate-limit", "random-seed");

    static SimulateOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean logCalls = false;
        for (String arg : args) {
            if (arg.equals("--log-calls")) {
                logCalls = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            values.put(name, arg.substring(eq + 1));
        }
        Path seed = file(values, "seed");
        Path state = file(values, "state");
        if (seed == null && state == null) {
            throw new IllegalArgumentException("--seed=FILE.csv or --state=FILE.json is required");
        }
        int port = (int) number(values, "port", 0, 0, 65535);
        Path portFile = values.containsKey("port-file") ? Path.of(values.get("port-file")) : null;
        Faults faults = Faults.NONE
                .withLatency(millis(values, "latency-ms", 0), millis(values, "jitter-ms", 0))
                .withOutliers(rate(values, "outlier-rate"), millis(values, "outlier-ms", 2000))
                .withTransientErrorRate(rate(values, "transient-error-rate"))
                .withHttp502Rate(rate(values, "http-502-rate"))
                .withDropRate(rate(values, "drop-rate"))
                .withHangs(rate(values, "hang-rate"), millis(values, "hang-ms", 60_000));
        int rateLimit = (int) number(values, "rate-limit", 20, 1, Integer.MAX_VALUE);
        long randomSeed = number(values, "random-seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        return new SimulateOptions(port, seed, state, portFile, faults, rateLimit, randomSeed, logCalls);
    }

    EdgeOneSimulator.Builder configure(EdgeOneSimulator.Builder builder) {
        return builder.port(port).seedCsv(seedCsv).stateFile(stateFile).faults(faults).rateLimit(rateLimit)
                .randomSeed(randomSeed);
    }

    private static Path file(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("--" + name + ": cannot read " + value);
        }
        return path;
    }

    private static Duration millis(Map<String, String> values, String name, long fallback) {
        return Duration.ofMillis(number(values, name, fallback, 0, Long.MAX_VALUE));
    }

    private static long number(Map<String, String> values, String name, long fallback, long min, long max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < min || number > max) {
                throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
    }

    private static double rate(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("--" + name + " must be a probability between 0 and 1, not " + value);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a probability between 0 and 1, not " + value);
        }
    }
}
