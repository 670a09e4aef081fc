package io.certrotator.cli;

import io.certrotator.config.CertRotatorProperties;
import io.certrotator.estate.EstateReaders;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.job.RateBudget;
import io.certrotator.plan.DeploySelection;
import io.certrotator.plan.EstatePlan;
import io.certrotator.plan.EstatePlanner;
import io.certrotator.plan.PlanRequest;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code deploy}'s plan: reads the estate, has the certificate uploaded (nothing is sent when the estate cannot be
 * read), plans the new certificate onto the hosts due ({@link EstatePlanner}), and
 * writes the plan to {@code HOME/deploy/ID-HASH.csv} (HASH: the start of the plan's SHA-256, so the same plan is the
 * same file and the same job instance). A dry run prints the CSV instead; with no host due there is nothing to write.
 * When the latest deploy run of the same certificate did not finish (stopped, say), it hands back that run's plan to
 * rotate again instead ({@link UnfinishedPlanRun}): a new plan, made from an estate that run half changed, would
 * leave its accepted rows never read back.
 */
final class DeployPlanning implements ApplicationRunner, ExitCodeGenerator {

    static final String FOLDER = "deploy";

    /**
     * @param certificate uploads the certificate (once the estate is read) and gives what to deploy; throws a
     *                    {@link CommandFailure} when the upload fails
     * @param dryRun      print the plan (CSV on standard output, the summary on standard error) and write nothing
     */
    record Request(EstateRequest estate, Supplier<DeploySelection> certificate, boolean dryRun) {
    }

    private final Request request;
    private final EstateReading reading;
    private final Path home;
    private final PlanOutcome outcome;
    private final JobRepository jobRepository;
    private int exitCode = ExitCodes.STOPPED;

    DeployPlanning(Request deployRequest, EstateReaders readers, RateBudget rateBudget, CertRotatorProperties properties,
                   ReadStop stop, PlanOutcome deployOutcome, JobRepository jobRepository) {
        this.request = deployRequest;
        this.reading = new EstateReading(readers, rateBudget, properties, stop);
        this.home = properties.home();
        this.outcome = deployOutcome;
        this.jobRepository = jobRepository;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = CommandFailure.exitCodeOf("deploy", this::plan);
    }

    private int plan() {
        EstateSnapshot snapshot = reading.read(request.estate());
        DeploySelection certificate = request.certificate().get();
        if (!request.dryRun()) {
            Optional<Path> unfinished = UnfinishedPlanRun.findDeploy(jobRepository, home.resolve(FOLDER),
                    certificate.certId());
            if (unfinished.isPresent()) {
                outcome.planFile(unfinished.get());
                return ExitCodes.SUCCEEDED;
            }
        }
        EstatePlan plan = EstatePlanner.plan(snapshot, PlanRequest.deploying(certificate),
                Clock.systemUTC().instant());
        EstateGaps gaps = EstateGaps.of(snapshot);
        gaps.notes().forEach(note -> System.err.println("cert-rotator deploy: " + note));
        outcome.incomplete(gaps.incomplete());
        PlanFiles.present(plan, request.dryRun(), home.resolve(FOLDER), certificate.certId() + "-",
                "nothing to deploy: no host it covers serves an older certificate of its key"
                    + " family").ifPresent(outcome::planFile);
        return ExitCodes.SUCCEEDED;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
