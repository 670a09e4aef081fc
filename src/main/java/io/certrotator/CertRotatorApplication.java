package io.certrotator;

import io.certrotator.cli.RotateCommand;
import io.certrotator.cli.SimulateCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/** {@code cert-rotator --input=FILE.csv [options]} or {@code cert-rotator simulate [options]}. */
@SpringBootApplication
public class CertRotatorApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("simulate")) {
            return SimulateCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        return RotateCommand.run(args);
    }
}
