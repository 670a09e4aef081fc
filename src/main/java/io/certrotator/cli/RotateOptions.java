package io.certrotator.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one rotation was asked to do ({@link RotateCommand} reads it from the command line).
 *
 * @param planOutput where a dry run writes its plan, if anywhere; never the report
 * @param profile    the credentials file's profile to sign with, or null for the credential chain
 * @param simulated  against the built-in simulator ({@code --simulate}): a rehearsal, a run of its own
 */
public record RotateOptions(Path input, Path report, boolean dryRun, Optional<Path> planOutput, String endpoint,
                            int rate, int maxHostsPerCall, boolean skipInvalid, boolean noVerify,
                            boolean allowDropping, ProgressMode progress, String profile, boolean simulated) {

    public static final int MAX_HOSTS_PER_CALL = 100;

    /** A rotation of the API at {@code endpoint}, not simulated. */
    public RotateOptions(Path input, Path report, boolean dryRun, Optional<Path> planOutput, String endpoint,
                         int rate, int maxHostsPerCall, boolean skipInvalid, boolean noVerify,
                         boolean allowDropping, ProgressMode progress, String profile) {
        this(input, report, dryRun, planOutput, endpoint, rate, maxHostsPerCall, skipInvalid, noVerify, allowDropping,
                progress, profile, false);
    }

    /** The same rotation against the built-in simulator listening at {@code url}. */
    RotateOptions simulatedAt(String url) {
        return new RotateOptions(input, report, dryRun, planOutput, url, rate, maxHostsPerCall, skipInvalid, noVerify,
                allowDropping, progress, profile, true);
    }

    RotateOptions withInput(Path file) {
        return new RotateOptions(file, report, dryRun, planOutput, endpoint, rate, maxHostsPerCall, skipInvalid, noVerify,
                allowDropping, progress, profile, simulated);
    }

    /** {@code rotation.csv} reports to {@code rotation.results.csv} in the same folder. */
    static Path defaultReport(Path input) {
        String name = input.getFileName().toString();
        String stem = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return input.resolveSibling(stem + ".results.csv");
    }
}
