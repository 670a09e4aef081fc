package io.certrotator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two paths name one file: the same path written two ways ({@code rotation.csv}, {@code ./rotation.csv}), or
 * one file reached through a link, a linked folder or {@code /dev/stdin} redirected from it. Strings do not tell.
 */
final class SameFile {

    private SameFile() {
    }

    static boolean of(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An output must never replace the input it is made from: the user's CSV would be lost.
     *
     * @param option the option that names {@code output} ({@code --report})
     * @param what   the input as the message names it ("the input rotation.csv")
     * @throws ConfigurationMistake when {@code output} is {@code input}
     */
    static void refuseOverwriting(Path output, String option, Path input, String what) {
        if (of(output, input)) {
            throw new ConfigurationMistake(option + " must not be " + what + ": it would be overwritten");
        }
    }
}
