package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.estate.EstateReaders;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.estate.InventoryReport;
import io.certrotator.job.RateBudget;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code inventory [--zone=ID ...] [--expiring-within=30d] [--format=table|csv|json] [--output=FILE]}: the estate. */
@Command(name = "inventory",
        description = {"Lists every host of the zones the credentials can see, one line each: zone, host, status, mode"
                + " and each certificate with its algorithm, expiry and days left; then a summary. Changes nothing.",
                ""},
        footerHeading = SpringBootOptions.PROPERTIES_HEADING,
        footer = {SpringBootOptions.REPOSITORY, SpringBootOptions.PROGRESS_INTERVAL, SpringBootOptions.TUNING,
                SpringBootOptions.LOGGING, "",
                "Exit codes: 0 listed, 1 the zones cannot be listed (credentials refused, ...) or stopped,"
                        + " 2 bad option, unknown --zone or no credentials, 3 listed but incomplete (a zone other than a Pages zone"
                        + " not readable, or the SSL service refused its certificates)."})
public final class InventoryCommand implements Callable<Integer> {

    @Mixin
    private SpringBootOptions springBoot;

    @Mixin
    private EstateOptions estate;

    @Mixin
    private ApiAccessOptions api;

    @Option(names = "--expiring-within", order = 3, paramLabel = "TIME", converter = DurationConverter.class,
            description = {"only the hosts with a certificate expired or expiring within TIME (30d, 12h, 90m, P30D);"
                    + " the summary still counts the whole estate", "  Default: every host"})
    private Duration expiringWithin;

    @Option(names = "--format", order = 4, paramLabel = "table|csv|json", defaultValue = "table",
            description = "table: aligned columns and the summary; csv: starts with the rotation CSV's columns; json")
    private InventoryReport.Format format;

    @Option(names = "--output", order = 5, paramLabel = "FILE", description = {"write the inventory to FILE",
            "  Default: standard output"})
    private Path output;

    private final Credential givenCredential;

    InventoryCommand() {
        this(null);
    }

    private InventoryCommand(Credential givenCredential) {
        this.givenCredential = givenCredential;
    }

    /** An inventory signed with {@code credential} (for tests; the command line uses the credential chain). */
    public static int run(Credential credential, String... args) {
        return CertRotatorCommand.run(GivenCommands.of(new InventoryCommand(credential)), args);
    }

    @Override
    public Integer call() {
        if (output != null) {
            OutputFiles.checkWritable(output, "the inventory", "--output");
        }
        boolean dataOnStandardOutput = output == null && format != InventoryReport.Format.TABLE;
        Request request = new Request(new EstateRequest(api.target(), givenCredential, estate.zones(),
                estate.progress(dataOnStandardOutput)), Optional.ofNullable(expiringWithin), format,
                Optional.ofNullable(output));
        return springBoot.run(Runner.class, Map.of("inventoryRequest", request, "readStop", new ReadStop()));
    }

    record Request(EstateRequest estate, Optional<Duration> expiringWithin, InventoryReport.Format format,
                   Optional<Path> output) {
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
            exitCode = CommandFailure.exitCodeOf("inventory", this::inventory);
        }

        private int inventory() {
            EstateSnapshot snapshot = reading.read(request.estate());
            InventoryReport report = InventoryReport.of(snapshot, Clock.systemUTC().instant(),
                    request.expiringWithin());
            String text = report.render(request.format());
            if (request.output().isPresent()) {
                OutputFiles.write(request.output().get(), text);
                System.out.println("inventory: " + request.output().get() + " (" + report.summary().hosts()
                        + " hosts in " + report.summary().zones() + " zones)");
            } else {
                System.out.print(text);
                System.out.flush();
            }
            EstateGaps gaps = EstateGaps.of(snapshot);
            gaps.notes().forEach(note -> System.err.println("cert-rotator inventory: " + note));
            return gaps.exitCode();
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
