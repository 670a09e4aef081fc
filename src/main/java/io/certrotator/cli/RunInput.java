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
