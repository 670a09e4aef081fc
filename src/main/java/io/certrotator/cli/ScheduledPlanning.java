package io.certrotator.cli;

import io.certrotator.config.CertRotatorProperties;
import io.certrotator.estate.EstateReaders;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.job.RateBudget;
import io.certrotator.job.RepositoryRunLock;
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

/**
 * The plan of {@code rotate --expiring-within=TIME} (the scheduled form): reads the estate, plans the certificates
 * expiring within TIME ({@link EstatePlanner}) and writes the plan to {@code HOME/scheduled/plan-HASH.csv}
 * ({@link PlanFiles}: the same plan on the next schedule is the same job instance, resumed). A dry run prints the CSV
 * instead; with no host due there is nothing to write. Before reading the estate it takes the {@link ScheduledLock},
 * which the command holds until the plan's rotation ends; then, when the latest scheduled run did not finish, it hands
 * back that run's plan to rotate again instead ({@link UnfinishedPlanRun}), without reading the estate.
 */
final class ScheduledPlanning implements ApplicationRunner, ExitCodeGenerator {

    static final String FOLDER = "scheduled";
    static final String PREFIX = "plan-";
    /** What a stop during the estate read leaves: the lock is all it took. */
    private static final String STOPPED = " while reading the estate: nothing was planned or sent";

    /**
     * @param selection the --zone/--host of {@code estate} and {@code plan}, as the run keeps them
     * @param dryRun    print the plan (CSV on standard output, the summary on standard error) and write nothing
     */
    record Request(EstateRequest estate, PlanRequest plan, ScheduledSelection selection, boolean dryRun) {
    }

    private final Request request;
    private final EstateReading reading;
    private final Path home;
    private final PlanOutcome outcome;
    private final RepositoryRunLock repositoryRunLock;
    private final JobRepository jobRepository;
    private int exitCode = ExitCodes.STOPPED;

    ScheduledPlanning(Request scheduledRequest, EstateReaders readers, RateBudget rateBudget,
                      CertRotatorProperties properties, ReadStop stop, PlanOutcome scheduledOutcome,
                      RepositoryRunLock repositoryRunLock, JobRepository jobRepository) {
        this.request = scheduledRequest;
        this.reading = new EstateReading(readers, rateBudget, properties, stop, STOPPED);
        this.home = properties.home();
        this.outcome = scheduledOutcome;
        this.repositoryRunLock = repositoryRunLock;
        this.jobRepository = jobRepository;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = CommandFailure.exitCodeOf("rotate", this::plan);
    }

    private int plan() {
        if (!request.dryRun()) {
            outcome.hold(ScheduledLock.take(home, repositoryRunLock));
            Optional<Path> unfinished = UnfinishedPlanRun.find(jobRepository, home.resolve(FOLDER),
                    request.selection());
            if (unfinished.isPresent()) {
                outcome.planFile(unfinished.get());
                return ExitCodes.SUCCEEDED;
            }
        }
        EstateSnapshot snapshot = reading.read(request.estate());
        EstatePlan plan = EstatePlanner.plan(snapshot, request.plan(), Clock.systemUTC().instant());
        EstateGaps gaps = EstateGaps.of(snapshot);
        gaps.notes().forEach(note -> System.err.println("cert-rotator rotate: " + note));
        outcome.incomplete(gaps.needsAttention(plan));
        PlanFiles.present(plan, request.dryRun(), home.resolve(FOLDER), PREFIX, nothingToRotate(gaps, snapshot))
                .ifPresent(outcome::planFile);
        return ExitCodes.SUCCEEDED;
    }

    /** An empty plan says nothing expires only when the whole estate was read; the gaps are on stderr above. */
    private static String nothingToRotate(EstateGaps gaps, EstateSnapshot snapshot) {
        long zonesNotRead = gaps.zonesNotRead(snapshot);
        if (zonesNotRead > 0) {
            return "nothing to rotate in the zones read; " + zonesNotRead + (zonesNotRead == 1 ? " zone" : " zones")
                    + " could not be read (see above); no call sent";
        }
        if (gaps.incomplete()) {
            return "nothing to rotate in what could be read; part of the estate could not be read (see above); no call"
                    + " sent";
        }
        return "nothing to rotate: no certificate expires within the time given; no call sent";
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
