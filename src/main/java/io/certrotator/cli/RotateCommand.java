package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.edgeone.EdgeOneClient;
import io.certrotator.simulator.EdgeOneSimulator;

import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/** {@code [rotate] --input=FILE.csv [options]}: one rotation, in a Spring context made for it. */
public final class RotateCommand {

    private RotateCommand() {
    }

    public static int run(String... args) {
        return run(null, args);
    }

    /**
     * @param credential signs the calls instead of the SDK's credential chain, or null for the chain
     */
    public static int run(Credential credential, String... args) {
        RotateOptions options;
        try {
            options = RotateOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("cert-rotator: " + e.getMessage());
            System.err.println("see --help for the options");
            return ExitCodes.BAD_INPUT;
        }
        if (options.help()) {
            System.out.print(RotateOptions.USAGE);
            return ExitCodes.SUCCEEDED;
        }
        if (!options.dryRun()) {
            EdgeOneClient.prepareInBackground();
        }
        if (options.simulate()) {
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
                System.out.println("simulate: built-in EdgeOne simulator on 127.0.0.1:" + simulator.port()
                        + ", seeded from " + options.input());
                return boot(options.withEndpoint("http://127.0.0.1:" + simulator.port()), throwaway, args);
            }
        }
        return boot(options, credential, args);
    }

    private static int boot(RotateOptions options, Credential credential, String[] args) {
        return CommandContext.run(RotationRunner.class, args, Map.of("rotateOptions", options,
                "givenCredential", new ApiAccessConfiguration.GivenCredential(credential)));
    }
}
