package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.config.CertRotatorProperties;
import io.certrotator.edgeone.ApiAccess;
import io.certrotator.edgeone.ApiResponse;
import io.certrotator.edgeone.CredentialChain;
import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.FatalRefusal;
import io.certrotator.edgeone.RetryPolicy;
import io.certrotator.estate.EstateReadException;
import io.certrotator.estate.EstateReadProgress;
import io.certrotator.estate.EstateReaders;
import io.certrotator.estate.EstateSnapshot;
import io.certrotator.estate.ZoneSelection;
import io.certrotator.job.RateBudget;
import io.certrotator.plan.HostGlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads the estate for a command (inventory, plan): API access from the command's options, budgets through
 * {@link RateBudget} (shared on a PostgreSQL repository), the retry policy of the properties, progress shown while it
 * reads, and a stop by signal. What keeps it from giving a snapshot is a {@link CommandFailure}: no credentials or a
 * zone of {@code --zone} that does not exist (2), the zones that cannot be listed or a stop (1).
 */
final class EstateReading {

    private static final Logger log = LoggerFactory.getLogger(EstateReading.class);

    private final EstateReaders readers;
    private final RateBudget rateBudget;
    private final CertRotatorProperties properties;
    private final ReadStop stop;
    private final String stopped;

    EstateReading(EstateReaders readers, RateBudget rateBudget, CertRotatorProperties properties, ReadStop stop) {
        this(readers, rateBudget, properties, stop, ": nothing was written");
    }

    /** @param stopped what a stop leaves, after its reason: {@code ": nothing was written"} */
    EstateReading(EstateReaders readers, RateBudget rateBudget, CertRotatorProperties properties, ReadStop stop,
                  String stopped) {
        this.readers = readers;
        this.rateBudget = rateBudget;
        this.properties = properties;
        this.stop = stop;
        this.stopped = stopped;
    }

    /**
     * @throws CommandFailure when there is no snapshot to show
     */
    EstateSnapshot read(EstateRequest request) {
        ApiAccessOptions.ApiTarget target = request.target();
        Credential given = request.given();
        ApiAccess access = given != null ? new ApiAccess(target.endpoint(), given, properties.callTimeout())
                : new ApiAccess(target.endpoint(), credential(target.profile()), properties.callTimeout(),
                () -> credential(target.profile()));
        CertRotatorProperties.Retry retry = properties.retry();
        var reader = readers.reader(access, (action, rate) -> rateBudget.pacer(access, action, rate),
                new RetryPolicy(retry.maxAttempts(), retry.baseDelay(), retry.maxDelay()));
        EstateReadProgress counters = new EstateReadProgress();
        CompletableFuture<EstateSnapshot> read = new CompletableFuture<>();
        Thread reading = new Thread(() -> {
            try {
                read.complete(reader.read(selection(request.zones()), counters));
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        }, "estate-read");
        reading.setDaemon(true);
        EstateSnapshot snapshot;
        try (ReadProgressReporter ignored = ReadProgressReporter.start(request.progress(), counters,
                properties.progressInterval())) {
            reading.start();
            CompletableFuture.anyOf(read, stop.stopped()).get();
            if (!read.isDone()) {
                throw new CommandFailure(ExitCodes.STOPPED, stop.stopped().join() + stopped);
            }
            snapshot = read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitCodes.STOPPED, "interrupted" + stopped);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EstateReadException zones) {
                throw new CommandFailure(ExitCodes.STOPPED, "cannot list the zones: " + why(zones));
            }
            log.debug("the estate read failed", e.getCause());
            throw new CommandFailure(ExitCodes.STOPPED, "the estate read failed: " + e.getCause());
        }
        if (!snapshot.unknownZones().isEmpty()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--zone: no such zone for these credentials: "
                    + String.join(", ", snapshot.unknownZones()));
        }
        unmatched(request.hosts(), snapshot).forEach(System.err::println);
        return snapshot;
    }

    /**
     * A fatal answer in the words that say what to do about it (the clock, the session token), no answer at all with
     * where to look; the API's words otherwise.
     */
    private static String why(EstateReadException zones) {
        ApiResponse.Error error = new ApiResponse.Error(zones.failure().code(), zones.failure().message(), null);
        if (ErrorClassifier.isNoAnswer(error.code())) {
            return zones.getMessage() + ": the API cannot be reached: check the network, the proxy or --endpoint";
        }
        return error.errorClass() == ErrorClass.FATAL ? FatalRefusal.reason(error) : zones.getMessage();
    }

    /** {@code zone-...} is a zone's ID, anything else its name. */
    static ZoneSelection selection(List<String> zones) {
        return new ZoneSelection(zones.stream().filter(zone -> zone.startsWith("zone-")).toList(),
                zones.stream().filter(zone -> !zone.startsWith("zone-")).toList());
    }

    private static Credential credential(String profile) {
        try {
            return CredentialChain.standard().resolve(profile);
        } catch (IllegalStateException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /** A warning for each pattern of {@code --host} that matches no host read: a typo selects nothing, silently. */
    static List<String> unmatched(List<HostGlob> hosts, EstateSnapshot snapshot) {
        return hosts.stream()
                .filter(glob -> snapshot.hosts().stream().noneMatch(host -> glob.matches(host.host())))
                .map(glob -> "cert-rotator: warning: --host=" + glob + " matches none of the "
                        + snapshot.hosts().size() + " hosts read")
                .toList();
    }
}
