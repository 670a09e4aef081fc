package io.certrotator;

import io.certrotator.cli.CertRotatorCommand;
import io.certrotator.cli.ProcessSignals;
import io.certrotator.config.CertRotatorProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** {@code cert-rotator [rotate] --input=FILE.csv [options]}, or {@code cert-rotator simulate|history|report ...}. */
@SpringBootApplication
@EnableConfigurationProperties(CertRotatorProperties.class)
public class CertRotatorApplication {

    public static void main(String[] args) {
        ProcessSignals.install();
        HeapCeiling.startUnlessHeapSizeGiven();
        System.exit(run(args));
    }

    public static int run(String... args) {
        return CertRotatorCommand.run(args);
    }
}
