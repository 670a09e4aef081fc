package io.certrotator.cli;

import io.certrotator.certs.CertificateFileException;
import io.certrotator.input.InputFileException;
import io.certrotator.job.Causes;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The one place that turns what stopped a command into a message and an exit code. A mistake on the command line
 * or in a property: a line saying what is wrong, a line saying where the help is, exit 2. An input file that
 * cannot be read before a context starts (the built-in simulator seeds from it), a certificate or key file
 * {@code upload} refuses, or a setting found wrong only when used (no credentials): one line, exit 2. No stack trace
 * for either; anything else is a bug, and picocli prints its trace (exit 1).
 */
final class CommandErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("cert-rotator " + command.getCommandName() + ": " + message(e));
        err.println("see: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) throws Exception {
        Throwable mistake = Causes.first(e, CommandErrors::isUserMistake);
        if (mistake == null) {
            throw e;
        }
        command.getErr().println("cert-rotator " + command.getCommandName() + ": " + mistake.getMessage());
        command.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    /** A file or a setting the user can fix, found once the command runs: its message is one line for them. */
    private static boolean isUserMistake(Throwable t) {
        return t instanceof InputFileException || t instanceof CertificateFileException
                || t instanceof ConfigurationMistake;
    }

    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            Optional<String> stray = StrayWord.among(unmatched.getUnmatched());
            if (stray.isPresent()) {
                return StrayWord.refusal(e.getCommandLine().getCommandSpec(), stray.get());
            }
            if (!unmatched.getSuggestions().isEmpty()) {
                return e.getMessage() + " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
        }
        return e.getMessage();
    }
}
