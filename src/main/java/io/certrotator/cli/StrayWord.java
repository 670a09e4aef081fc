package io.certrotator.cli;

import io.certrotator.input.Printable;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A word on the command line that is neither an option nor an option's value. Every command takes options only (a
 * command's name comes first, and only there), so such a word is a value whose option was left out, most often the
 * input's path: it is named, with the option it may have been meant for when it is a file that exists.
 */
final class StrayWord {

    /** The options that read a file, which a stray path may have been meant for. */
    private static final List<String> FILE_OPTIONS = List.of("--input", "--seed", "--state", "--cert", "--key");

    private StrayWord() {
    }

    /** The first stray word of the arguments a command did not match, when all of them are words, not options. */
    static Optional<String> among(List<String> unmatched) {
        return unmatched.stream().allMatch(arg -> !arg.startsWith("-")) ? unmatched.stream().findFirst()
                : Optional.empty();
    }

    /**
     * Says so in one line: {@code 'extra' is not an option: rotate takes options only (did you mean --input=extra?)};
     * a word that is an option's name without its dashes ({@code dry-run}) gets that option.
     */
    static String refusal(CommandSpec command, String word) {
        String hint = command.findOption("--" + word) != null ? "--" + word : fileOptions(command, word);
        return "'" + Printable.escaped(word) + "' is not an option: " + command.name() + " takes options only"
                + (hint.isEmpty() ? "" : " (did you mean " + hint + "?)");
    }

    private static String fileOptions(CommandSpec command, String word) {
        return isFile(word) ? FILE_OPTIONS.stream().filter(option -> command.findOption(option) != null)
                .map(option -> option + "=" + Printable.escaped(word)).collect(Collectors.joining(" or ")) : "";
    }

    static boolean isFile(String word) {
        try {
            return Files.isRegularFile(Path.of(word));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
