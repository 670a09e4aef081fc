package io.certrotator.cli;

import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.EdgeOneEndpoint;

import java.nio.file.Path;
import java.util.Set;

/** The rotation command line (SPEC: Build and run). Spring Boot properties pass through untouched. */
public record RotateOptions(Path input, Path report, boolean dryRun, String endpoint, int rate, int maxHostsPerCall,
                            boolean skipInvalid, boolean noVerify, boolean simulate, ProgressMode progress,
                            boolean help, String profile) {

    public static final int MAX_HOSTS_PER_CALL = 100;
    private static final Set<String> FLAGS = Set.of("dry-run", "skip-invalid", "no-verify", "simulate", "help");
    private static final Set<String> PASS_THROUGH_PREFIXES = Set.of("spring.", "logging.", "cert-rotator.", "debug",
            "trace", CommandContext.LOG_FORMAT);

    public static final String USAGE = """
            Usage: java -jar cert-rotator.jar [rotate] --input=FILE.csv [options]

            Rotates the edge certificates of Tencent Cloud EdgeOne hosts listed in a CSV
            (zone_id,host,mode,cert_ids), at most --rate calls per second, resumable.

              --input=FILE              the rotation CSV (required)
              --report=FILE             per-row results CSV (default: FILE.results.csv beside the input)
              --dry-run                 validate and plan only; no ModifyHostsCertificate call (with
                                        credentials at hand, reads the live state) (default: off)
              --endpoint=URL            API endpoint (default: https://teo.tencentcloudapi.com;
                                        http:// only to a loopback address)
              --rate=N                  requests per second, 1..20 (default: 20)
              --max-hosts-per-call=N    hosts per ModifyHostsCertificate call, 1..100 (default: 100)
              --skip-invalid            run the valid rows even if some rows are invalid (default: off)
              --no-verify               do not read the hosts back after a call to confirm the change
                                        (default: off, every accepted host is read back)
              --simulate                run against a built-in EdgeOne simulator seeded from the input
                                        (default: off)
              --profile=NAME            sign with profile [NAME] of ~/.tencentcloud/credentials only
              --progress=bar|log|off    a live bar, or a log line every --cert-rotator.progress-interval
                                        (default: bar on a terminal, log otherwise)
              --cert-rotator.progress-interval=DURATION
                                        time between progress log lines (default: 5s)
              --log-format=text|json    json: structured (ECS) log lines for log shippers (default: text)
              --spring.datasource.url=  the job repository (default: H2 file under ~/.cert-rotator/)
              --logging.level.io.certrotator=LEVEL, --logging.file.name=FILE, and any other Spring Boot
                                        property pass through
              --help                    this text

            Other commands (each with --help): simulate, history, report.
            Exit codes: 0 all rows succeeded (or already completed), 1 stopped before the end (run the
            same command again to resume), 2 bad input or configuration (nothing sent),
            3 finished with FAILED or INVALID rows (see the report).
            Credentials: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (/ TENCENTCLOUD_SESSION_TOKEN),
            then ~/.tencentcloud/credentials [default], then the CVM role.
            """;

    public static RotateOptions parse(String... args) {
        Path input = null;
        Path report = null;
        boolean dryRun = false;
        boolean skipInvalid = false;
        boolean noVerify = false;
        boolean simulate = false;
        boolean help = false;
        String endpoint = null;
        String profile = null;
        int rate = CallPacer.API_LIMIT_PER_SECOND;
        int maxHosts = MAX_HOSTS_PER_CALL;
        ProgressMode progress = null;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + arg + "\" (options look like --input=FILE)");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (passesThrough(name)) {
                continue;
            }
            if (FLAGS.contains(name)) {
                boolean on = value == null || parseBoolean(name, value);
                switch (name) {
                    case "dry-run" -> dryRun = on;
                    case "skip-invalid" -> skipInvalid = on;
                    case "no-verify" -> noVerify = on;
                    case "simulate" -> simulate = on;
                    default -> help = on;
                }
                continue;
            }
            if (value == null || value.isBlank()) {
                if (Set.of("input", "report", "endpoint", "rate", "max-hosts-per-call", "progress", "profile")
                        .contains(name)) {
                    throw new UsageException("--" + name + " needs a value: --" + name + "=...");
                }
                throw new UsageException("unknown option --" + name);
            }
            switch (name) {
                case "input" -> input = Path.of(value);
                case "report" -> report = Path.of(value);
                case "endpoint" -> endpoint = value;
                case "profile" -> profile = value.trim();
                case "rate" -> rate = parseInt(name, value, 1, CallPacer.API_LIMIT_PER_SECOND);
                case "max-hosts-per-call" -> maxHosts = parseInt(name, value, 1, MAX_HOSTS_PER_CALL);
                case "progress" -> progress = ProgressMode.parse(value);
                default -> throw new UsageException("unknown option --" + name);
            }
        }
        if (progress == null) {
            progress = ProgressMode.forThisOutput();
        }
        if (help) {
            return new RotateOptions(input, report, dryRun, endpoint, rate, maxHosts, skipInvalid, noVerify, simulate,
                    progress, true, profile);
        }
        if (input == null) {
            throw new UsageException("--input=FILE is required");
        }
        if (simulate && endpoint != null) {
            throw new UsageException("--simulate and --endpoint exclude each other");
        }
        if (endpoint == null) {
            endpoint = EdgeOneEndpoint.DEFAULT_URL;
        }
        try {
            EdgeOneEndpoint.parse(endpoint);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new RotateOptions(input, report == null ? defaultReport(input) : report, dryRun, endpoint, rate,
                maxHosts, skipInvalid, noVerify, simulate, progress, false, profile);
    }

    public RotateOptions withEndpoint(String url) {
        return new RotateOptions(input, report, dryRun, url, rate, maxHostsPerCall, skipInvalid, noVerify, simulate,
                progress, help, profile);
    }

    /** Spring Boot's own properties (and ours under {@code cert-rotator.}) are for Spring Boot, not this parser. */
    static boolean passesThrough(String name) {
        return PASS_THROUGH_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** {@code rotation.csv} reports to {@code rotation.results.csv} in the same folder. */
    static Path defaultReport(Path input) {
        String name = input.getFileName().toString();
        String stem = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return input.resolveSibling(stem + ".results.csv");
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", got \""
                + value + "\"");
    }

    private static boolean parseBoolean(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new UsageException("--" + name + " takes no value (or true/false), got \"" + value + "\"");
    }
}
