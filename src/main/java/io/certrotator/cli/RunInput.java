package io.certrotator.cli;

import io.certrotator.input.InputDigest;
import io.certrotator.input.InputFileException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input of a past run, known by the path the run recorded and by its content (SHA-256). The path may be relative
 * to the folder the run was started in, which need not be this one; the content tells the input, or a copy of it,
 * from anywhere.
 */
record RunInput(long run, Path recorded, String sha256) {

    static RunInput of(PastRun run) {
        return new RunInput(run.id(), run.parameters().input(), run.parameters().inputSha256());
    }

    /**
     * An output of a command about the run must never replace its input: the user's CSV would be lost.
     *
     * @param option the option that names {@code output} ({@code --output})
     * @throws ConfigurationMistake when {@code output} is the input by its path, or holds the input's content
     */
    void refuseOverwriting(Path output, String option) {
        String what = "the input of run " + run + ", " + recorded;
        SameFile.refuseOverwriting(output, option, recorded, what);
        if (holdsIt(output)) {
            throw new ConfigurationMistake(option + " must not be " + what + ": " + output + " holds its content"
                    + " and would be overwritten");
        }
    }

    /**
     * Where the run's report goes when none is named: beside its input, as the run put it. The run recorded the path as
     * it was given; a relative one is taken from {@code here} only when the file there holds the input: a file of the
     * same name in another folder is not the run's, and its folder not where the operator looks for the report.
     *
     * @param here the current folder
     * @throws ConfigurationMistake when the relative path names nothing here, or a file that is not the input
     */
    Path defaultReport(Path here) {
        if (recorded.isAbsolute()) {
            return RotateOptions.defaultReport(recorded);
        }
        Path there = here.resolve(recorded);
        if (!holdsIt(there)) {
            String found = Files.exists(there) ? recorded + " here does not hold that input"
                    : "there is no " + recorded + " here";
            throw new ConfigurationMistake("run " + run + " recorded its input as " + recorded + ", relative to the"
                    + " folder it was started in, and " + found + ": give --report=FILE, or run report in that folder");
        }
        return RotateOptions.defaultReport(there);
    }

    private boolean holdsIt(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return sha256.equals(InputDigest.sha256(file));
        } catch (InputFileException e) {
            return false;
        }
    }
}
