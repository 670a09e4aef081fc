package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.estate.EstateReaders;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.job.RateBudget;
import io.certrotator.plan.EstatePlan;
import io.certrotator.plan.EstatePlanner;
import io.certrotator.plan.HostGlob;
import io.certrotator.plan.PlanCsvWriter;
import io.certrotator.plan.PlanRequest;
import io.certrotator.plan.Replacement;
import io.certrotator.plan.RefusedReplacementException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code plan (--replace=OLD[=NEW] ... | --expiring-within=30d) [--zone=ID ...] [--host=GLOB ...] --output=FILE}: reads
 * the estate and writes the rotation CSV that replaces the certificates asked for.
 */
@Command(name = "plan",
        description = {"Reads the estate and writes a rotation CSV (for rotate --input) that replaces the certificates"
                + " named by --replace, or those expired or expiring within --expiring-within, by the best"
                + " certificate of the account that covers each host. A host's other certificate (the ECC of an"
                + " RSA/ECC pair) stays. Prints what it selected and why hosts were left out. Changes nothing.", ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.PROGRESS_INTERVAL, SpringBootOptions.TUNING,
                SpringBootOptions.LOGGING, "",
                "Exit codes: 0 plan written, every selected host with a replacement; 1 the zones cannot be listed"
                        + " (credentials refused, ...) or stopped; 2 bad option, unknown --zone, a --replace"
                        + " certificate the estate does not have, a NEW that is expired or not issued, or no"
                        + " credentials;"
                        + " 3 plan written, but some selected hosts have no replacement or part of the estate could"
                        + " not be read (see the summary; a Pages zone, never readable, does not count)."})
public final class PlanCommand implements Callable<Integer> {

    /** {@code --output=-}: the CSV goes to standard output, the summary to standard error. */
    static final String STANDARD_OUTPUT = "-";

    @Spec
    private CommandSpec spec;

    @Mixin
    private SpringBootOptions springBoot;

    @Option(names = "--replace", order = 2, paramLabel = "OLD[=NEW]", showDefaultValue = Visibility.NEVER,
            description = {"replace certificate OLD wherever it is served, by NEW or by the best certificate that"
                    + " covers the host; repeat for more", "  Default: none (--replace or --expiring-within)"})
    private List<String> replace = new ArrayList<>();

    @Option(names = "--expiring-within", order = 3, paramLabel = "TIME", converter = DurationConverter.class,
            description = {"replace the certificates expired or expiring within TIME (30d, 12h, 90m, P30D), by"
                    + " certificates valid for longer than TIME", "  Default: none (--replace or --expiring-within)"})
    private Duration expiringWithin;

    @Mixin
    private EstateOptions estate;

    @Option(names = "--host", order = 4, paramLabel = "GLOB", showDefaultValue = Visibility.NEVER,
            description = {"only hosts matching GLOB (* any characters, ? one); repeat for more",
                    "  Default: every host"})
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--output", order = 5, required = true, paramLabel = "FILE",
            description = "the rotation CSV to write (required); - for standard output (the summary then goes to"
                    + " standard error)")
    private String output;

    @Option(names = "--verbose", order = 6, description = {"also list each host left out, and each host on EdgeOne's"
            + " free certificates", CertRotatorCommand.FLAG_DEFAULT})
    private boolean verbose;

    @Mixin
    private ApiAccessOptions api;

    private final Credential givenCredential;

    PlanCommand() {
        this(null);
    }

    private PlanCommand(Credential givenCredential) {
        this.givenCredential = givenCredential;
    }

    /** A plan signed with {@code credential} (for tests; the command line uses the credential chain). */
    public static int run(Credential credential, String... args) {
        return CertRotatorCommand.run(GivenCommands.of(new PlanCommand(credential)), args);
    }

    @Override
    public Integer call() {
        boolean toStandardOutput = output.equals(STANDARD_OUTPUT);
        if (!toStandardOutput) {
            OutputFiles.checkWritable(Path.of(output), "the plan", "--output");
        }
        PlanRequest plan = planRequest();
        Request request = new Request(new EstateRequest(api.target(), givenCredential, estate.zones(),
                plan.hostGlobs(), estate.progress(toStandardOutput)), plan, output, verbose);
        return springBoot.run(Runner.class, Map.of("planRequest", request, "readStop", new ReadStop()));
    }

    /** @throws ParameterException unless exactly one of --replace and --expiring-within is given */
    private PlanRequest planRequest() {
        if (replace.isEmpty() == (expiringWithin == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --replace and --expiring-within");
        }
        List<HostGlob> globs = hosts.stream().map(HostGlob::new).toList();
        // The zones of --zone are the only ones read: the request need not select them again.
        if (expiringWithin != null) {
            return PlanRequest.expiringWithin(expiringWithin, List.of(), globs);
        }
        try {
            return PlanRequest.replacing(replace.stream().map(Replacement::parse).toList(), List.of(), globs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @param output a file, or {@link #STANDARD_OUTPUT} */
    record Request(EstateRequest estate, PlanRequest plan, String output, boolean verbose) {
    }

    static final class Runner implements ApplicationRunner, ExitCodeGenerator {

        private final Request request;
        private final EstateReading reading;
        private int exitCode = ExitCodes.STOPPED;

        Runner(Request request, EstateReaders readers, RateBudget rateBudget, CertRotatorProperties properties,
               ReadStop stop) {
            this.request = request;
            this.reading = new EstateReading(readers, rateBudget, properties, stop);
        }

        @Override
        public void run(ApplicationArguments args) {
            exitCode = CommandFailure.exitCodeOf("plan", this::plan);
        }

        private int plan() {
            EstateSnapshot snapshot = reading.read(request.estate());
            EstatePlan plan;
            try {
                plan = EstatePlanner.plan(snapshot, request.plan(), Clock.systemUTC().instant());
            } catch (RefusedReplacementException e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
            }
            StringBuilder csv = new StringBuilder();
            PlanCsvWriter.write(plan.rows(), csv);
            PrintStream summary = System.out;
            if (request.output().equals(STANDARD_OUTPUT)) {
                System.out.print(csv);
                System.out.flush();
                summary = System.err;
            } else {
                OutputFiles.write(Path.of(request.output()), csv.toString());
                summary.println("plan: " + request.output() + " (" + plan.rows().size() + " rows)");
            }
            new PlanSummaryPrinter(summary::println).print(plan, request.verbose());
            EstateGaps gaps = EstateGaps.of(snapshot);
            gaps.notes().forEach(note -> System.err.println("cert-rotator plan: " + note));
            return gaps.needsAttention(plan) ? ExitCodes.ROWS_FAILED : ExitCodes.SUCCEEDED;
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
