package io.certrotator;

import io.certrotator.cli.HistoryCommand;
import io.certrotator.cli.ReportCommand;
import io.certrotator.cli.RotateCommand;
import io.certrotator.cli.SimulateCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/** {@code cert-rotator [rotate] --input=FILE.csv [options]}, or {@code cert-rotator simulate|history|report ...}. */
@SpringBootApplication
public class CertRotatorApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        return switch (command) {
            case "simulate" -> SimulateCommand.run(rest);
            case "history" -> HistoryCommand.run(rest);
            case "report" -> ReportCommand.run(rest);
            case "rotate" -> RotateCommand.run(rest);
            default -> RotateCommand.run(args);
        };
    }
}
