package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.CallPacer;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.plan.PlanRequest;
import io.certrotator.simulator.EdgeOneSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code [rotate] --input=FILE.csv [options]}: one rotation, in a Spring context made for it. The scheduled form,
 * {@code rotate --expiring-within=TIME [--zone=ID ...] [--host=GLOB ...]}, plans first ({@link ScheduledPlanning}) and
 * rotates the plan it wrote.
 */
@Command(name = "rotate",
        description = {"Rotates the edge certificates of the Tencent Cloud EdgeOne hosts listed in a CSV"
                + " (zone_id,host,mode,cert_ids), at most --rate calls per second, resumable.",
                "The default command: `java -jar cert-rotator.jar --input=FILE.csv` is the same.",
                "Scheduled (cron, Kubernetes CronJob): `rotate --expiring-within=30d` reads the estate, writes the plan"
                        + " under the home, prints its path and rotates it in the same run.", ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.HOME, SpringBootOptions.PROGRESS_INTERVAL,
                SpringBootOptions.TUNING, SpringBootOptions.LOGGING, "",
                "Exit codes: 0 all rows succeeded (or already completed), 1 stopped before the end (run the same command"
                        + " again to resume), 2 bad input or configuration (nothing sent), 3 finished with FAILED or"
                        + " INVALID rows (see the report).",
                "Credentials: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (/ TENCENTCLOUD_SESSION_TOKEN), then"
                        + " ~/.tencentcloud/credentials [default], then the CVM role."})
public final class RotateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SpringBootOptions springBoot;

    @Option(names = "--input", order = 1, paramLabel = "FILE",
            description = {"the rotation CSV; a pipe or /dev/stdin is read once, into the home's inputs/",
                    "  Default: none (--input or --expiring-within)"})
    private Path input;

    @Mixin
    private ScheduledOptions scheduled;

    @Option(names = "--report", order = 2, paramLabel = "FILE",
            description = {"per-row results CSV, written at the end of every run, also a failed one",
                    "  Default: NAME.results.csv beside NAME.csv (required when the input is piped)"})
    private Path report;

    @Option(names = "--dry-run", order = 3, description = {"validate and plan only: print the groups, the number of calls"
            + " and the time they take; no ModifyHostsCertificate call (with credentials at hand it reads the live state)",
            CertRotatorCommand.FLAG_DEFAULT})
    private boolean dryRun;

    @Option(names = "--plan-output", order = 4, paramLabel = "FILE",
            description = {"with --dry-run: also write the plan, every row PENDING or INVALID in the report's columns,"
                    + " to FILE (never the report: a dry run leaves a run's results alone)",
                    "  Default: the plan is printed only"})
    private Path planOutput;

    @Mixin
    private ApiAccessOptions api;

    private int rate;
    private int maxHostsPerCall;

    @Option(names = "--skip-invalid", order = 8, description = {"run the valid rows even if some rows are invalid (those"
            + " are reported)", CertRotatorCommand.FLAG_DEFAULT})
    private boolean skipInvalid;

    @Option(names = "--no-verify", order = 9,
            description = {"do not read the hosts back after an accepted call", CertRotatorCommand.FLAG_DEFAULT})
    private boolean noVerify;

    @Option(names = "--allow-dropping-certificates", order = 9,
            description = {"rotate a row even when its cert_ids keep no certificate of a key type (RSA, ECC) the"
                    + " host serves now", CertRotatorCommand.FLAG_DEFAULT})
    private boolean allowDropping;

    @Option(names = "--simulate", order = 10, description = {"run against the built-in EdgeOne simulator, seeded from the"
            + " input", CertRotatorCommand.FLAG_DEFAULT})
    private boolean simulate;

    @Option(names = "--progress", order = 12, paramLabel = "bar|log|off",
            description = {"a live bar, or a log line every --cert-rotator.progress-interval",
                    "  Default: bar on a terminal, else log"})
    private ProgressMode progress;

    private final Credential givenCredential;

    RotateCommand() {
        this(null);
    }

    /** @param givenCredential signs the calls instead of the SDK's credential chain, or null for the chain */
    private RotateCommand(Credential givenCredential) {
        this.givenCredential = givenCredential;
    }

    /** A rotation signed with {@code credential} (for tests; the command line uses the credential chain). */
    public static int run(Credential credential, String... args) {
        return CertRotatorCommand.run(GivenCommands.of(new RotateCommand(credential)), args);
    }

    @Option(names = "--rate", order = 6, paramLabel = "N", defaultValue = "" + CallPacer.API_LIMIT_PER_SECOND,
            description = "requests per second, 1 to " + CallPacer.API_LIMIT_PER_SECOND)
    private void rate(int perSecond) {
        rate = (int) Bounds.check(spec, "--rate", perSecond, 1, CallPacer.API_LIMIT_PER_SECOND);
    }

    @Option(names = "--max-hosts-per-call", order = 7, paramLabel = "N", defaultValue = "" + RotateOptions.MAX_HOSTS_PER_CALL,
            description = "cap on Hosts in one ModifyHostsCertificate call, 1 to " + RotateOptions.MAX_HOSTS_PER_CALL)
    private void maxHostsPerCall(int hosts) {
        maxHostsPerCall = (int) Bounds.check(spec, "--max-hosts-per-call", hosts, 1, RotateOptions.MAX_HOSTS_PER_CALL);
    }

    @Override
    public Integer call() {
        if (scheduled.given()) {
            return scheduledRun();
        }
        if (input == null) {
            throw usage("give --input=FILE, or --expiring-within=TIME to plan the rotation from the estate");
        }
        if (scheduled.narrowed()) {
            throw usage("--zone and --host go with --expiring-within");
        }
        RotateOptions options = options(input);
        Path home = HomeFolder.writable(springBoot.properties());
        if (PipedInput.isPiped(input)) {
            Path kept = PipedInput.keep(input, home);
            springBoot.logFormat().beforeLogging().println("input: " + input + " read once, kept as " + kept);
            options = options.withInput(kept);
        }
        if (!options.dryRun()) {
            EdgeOneClient.prepareInBackground();
        }
        return simulate ? simulated(options) : boot(options, givenCredential);
    }

    /**
     * The scheduled form: plans, then rotates the plan as {@code --input=PLAN} would (a dry run only prints the plan).
     * A zone not read may hold certificates due: the run is then not complete (exit 3), as plan's exit code says.
     */
    private int scheduledRun() {
        if (input != null) {
            throw usage("--input and --expiring-within exclude each other");
        }
        if (simulate || planOutput != null) {
            throw usage((simulate ? "--simulate" : "--plan-output") + " goes with --input, not --expiring-within");
        }
        if (report != null) {
            OutputFiles.checkWritable(report, "the report", "--report");
        }
        ApiAccessOptions.ApiTarget target = api.target();
        HomeFolder.writable(springBoot.properties());
        PlanRequest planRequest = scheduled.planRequest();
        ScheduledPlanning.Request request = new ScheduledPlanning.Request(new EstateRequest(target, givenCredential,
                scheduled.zones(), planRequest.hostGlobs(), dryRun ? ProgressMode.OFF : progressMode()), planRequest,
                scheduled.selection(), dryRun);
        PlanOutcome outcome = new PlanOutcome();
        try {
            int planned = springBoot.run(ScheduledPlanning.class, springBoot.properties(), Map.of("scheduledRequest",
                    request, "readStop", new ReadStop(), "scheduledOutcome", outcome));
            if (planned != ExitCodes.SUCCEEDED) {
                return planned;
            }
            return outcome.rotate(plan -> boot(options(plan), givenCredential,
                    Map.of("planRounds", new PlanRounds(scheduled.selection()))));
        } finally {
            outcome.release();
        }
    }

    private ProgressMode progressMode() {
        return progress != null ? progress : ProgressMode.forThisOutput();
    }

    private RotateOptions options(Path input) {
        ApiAccessOptions.ApiTarget target = api.target();
        for (String option : List.of("--endpoint", "--site")) {
            if (simulate && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw usage("--simulate and " + option + " exclude each other");
            }
        }
        if (report == null && PipedInput.isPiped(input)) {
            throw new ConfigurationMistake("--input=" + input + " is not a regular file: give --report=FILE for the"
                    + " results");
        }
        Path reportFile = report != null ? report : RotateOptions.defaultReport(input);
        if (planOutput != null && !dryRun) {
            throw usage("--plan-output goes with --dry-run (a rotation writes its results to --report)");
        }
        SameFile.refuseOverwriting(reportFile, "--report", input, "the input " + input);
        if (planOutput != null) {
            SameFile.refuseOverwriting(planOutput, "--plan-output", input, "the input " + input);
        }
        if (planOutput != null && SameFile.of(planOutput, reportFile)) {
            throw usage("--plan-output must not be the report " + reportFile + ": a dry run leaves a run's results"
                    + " alone");
        }
        // A dry run rehearses the run: it refuses what the run would refuse. A missing input is said as such later,
        // not as a folder it names.
        if (report != null || Files.exists(input)) {
            OutputFiles.checkWritable(reportFile, "the report", "--report");
        }
        if (planOutput != null) {
            WritableFolder.check(planOutput, "the plan", "--plan-output");
        }
        return new RotateOptions(input, reportFile, dryRun, Optional.ofNullable(planOutput), target.endpoint().url(),
                rate, maxHostsPerCall, skipInvalid, noVerify, allowDropping, progressMode(), target.profile());
    }

    private int simulated(RotateOptions options) {
        if (!Files.isReadable(options.input())) {
            System.err.println("cert-rotator: " + options.input() + ": file not found or not readable");
            return ExitCodes.BAD_INPUT;
        }
        Credential throwaway = new Credential("AKIDsimulated" + UUID.randomUUID().toString().replace("-", ""),
                UUID.randomUUID().toString());
        try (EdgeOneSimulator simulator = EdgeOneSimulator.builder()
                .credentials(throwaway.getSecretId(), throwaway.getSecretKey())
                .seedCsv(options.input())
                .build()
                .start()) {
            springBoot.logFormat().beforeLogging().println("simulate: built-in EdgeOne simulator on 127.0.0.1:"
                    + simulator.port() + ", seeded from " + options.input());
            return boot(options.simulatedAt("http://127.0.0.1:" + simulator.port()), throwaway);
        }
    }

    private int boot(RotateOptions options, Credential credential) {
        return boot(options, credential, Map.of());
    }

    /** @param more singletons besides the options and the credential (the scheduled form's {@link PlanRounds}) */
    private int boot(RotateOptions options, Credential credential, Map<String, Object> more) {
        Map<String, Object> singletons = new HashMap<>(more);
        singletons.put("rotateOptions", options);
        singletons.put("givenCredential", new ApiAccessConfiguration.GivenCredential(credential));
        return springBoot.run(RotationRunner.class, singletons);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
