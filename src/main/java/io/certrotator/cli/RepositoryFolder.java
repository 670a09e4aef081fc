package io.certrotator.cli;

import org.springframework.boot.context.properties.bind.Binder;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder of an H2 file job repository (by default the home), checked before H2 opens it: H2 answers a folder it
 * cannot create or write with hundreds of lines of its own traces, some on standard output, before the start fails.
 */
final class RepositoryFolder {

    private static final String URL = "spring.datasource.url";
    /** {@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH}; not {@code mem:}, {@code tcp://} or another of H2's kinds. */
    private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:(?:file:)?(?![a-zA-Z]{2,}:)([^;]+).*");

    private RepositoryFolder() {
    }

    /**
     * @param properties the Spring Boot properties of the command line, as typed
     * @throws ConfigurationMistake naming the folder, why and the option that puts the repository elsewhere
     */
    static void check(List<String> properties) {
        Binder spring = HomeFolder.properties(properties);
        Optional<Path> folder = h2Folder(spring.bind(URL, String.class).orElse(""));
        if (folder.isEmpty()) {
            return;
        }
        boolean inTheHome = spring.bind(HomeFolder.PROPERTY, Path.class)
                .map(home -> folder.get().startsWith(home.toAbsolutePath().normalize())).orElse(false);
        String option = inTheHome ? HomeFolder.GIVE_ANOTHER
                : "give --" + URL + "=jdbc:h2:file:DIR/jobs in a folder you can write";
        WritableFolder.unwritable(folder.get()).ifPresent(why -> {
            throw new ConfigurationMistake("cannot open the job repository in " + folder.get() + ": " + why + "; "
                    + option);
        });
    }

    /** The folder of an H2 file database's URL, {@code ~} being the user's home as H2 takes it. */
    static Optional<Path> h2Folder(String url) {
        Matcher h2File = H2_FILE.matcher(url.trim());
        if (!h2File.matches()) {
            return Optional.empty();
        }
        String path = h2File.group(1);
        Path database = path.startsWith("~") ? Path.of(System.getProperty("user.home") + path.substring(1))
                : Path.of(path);
        return Optional.ofNullable(database.toAbsolutePath().normalize().getParent());
    }
}
