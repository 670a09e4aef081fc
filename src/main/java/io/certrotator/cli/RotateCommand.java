package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.CertRotatorApplication;
import io.certrotator.simulator.EdgeOneSimulator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.util.UUID;

/** {@code --input=FILE.csv [options]}: one rotation, in a Spring context made for it. */
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
        if (options.simulate() && !options.dryRun()) {
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
        SpringApplication application = new SpringApplication(CertRotatorApplication.class);
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("rotateOptions", options);
            context.getBeanFactory().registerSingleton("givenCredential",
                    new ApiAccessConfiguration.GivenCredential(credential));
        });
        ConfigurableApplicationContext context = application.run(args);
        return SpringApplication.exit(context);
    }
}
