package io.certrotator.cli;

import io.certrotator.input.Printable;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * A first word that names no command. {@code rotate}, the command when none is named, takes no word that is not an
 * option, so such a word is a mistyped command: it is named with the closest command, or the list of them; or, when it
 * is close to none and names a file, a path without its option ({@link StrayWord}).
 */
final class UnknownCommand {

    /** Edits (a letter added, dropped, changed, or two swapped) a typo may be away from the command meant. */
    private static final int CLOSE = 2;

    private UnknownCommand() {
    }

    /** Whether {@code word}, first on the command line, is meant as a command's name but names none. */
    static boolean is(CommandLine top, String word) {
        return !word.startsWith("-") && !top.getSubcommands().containsKey(word);
    }

    /**
     * Says so in one line, and where the help is; exit 2. A word close to no command that names a file is taken for
     * what it most likely is, the input given without {@code --input=}: {@code rotate}'s stray word.
     */
    static int refuse(CommandLine top, String word) {
        Collection<String> commands = top.getSubcommands().keySet();
        Optional<String> closest = closest(word, commands);
        PrintWriter err = top.getErr();
        if (closest.isEmpty() && StrayWord.isFile(word)) {
            CommandLine rotate = top.getSubcommands().get(CertRotatorCommand.DEFAULT_COMMAND);
            err.println("cert-rotator " + rotate.getCommandName() + ": "
                    + StrayWord.refusal(rotate.getCommandSpec(), word));
            err.println("see: " + rotate.getCommandSpec().qualifiedName() + " --help");
        } else {
            String hint = closest.map(name -> "did you mean " + name + "?")
                    .orElse("the commands: " + String.join(", ", commands));
            err.println("cert-rotator: unknown command '" + Printable.escaped(word) + "' (" + hint + ")");
            err.println("see: " + top.getCommandSpec().qualifiedName() + " --help");
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    static Optional<String> closest(String word, Collection<String> commands) {
        String typed = word.toLowerCase(Locale.ROOT);
        return commands.stream().filter(name -> edits(typed, name) <= CLOSE)
                .min(Comparator.comparingInt((String name) -> edits(typed, name)));
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
