package io.certrotator.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: its own data directory in a temporary folder, listening on a
 * free loopback port, password authentication over TCP. PostgreSQL refuses to run as root, so as root the
 * server runs as the {@code postgres} user that the Debian package creates.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "cr_test";
    public static final String PASSWORD = "pg-test-password-5c1d";

    private final Path binaries;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path binaries, Path dir, int port) {
        this.binaries = binaries;
        this.dir = dir;
        this.port = port;
    }

    /** The directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}, if this machine has one. */
    public static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path pgCtl = Path.of(entry.isEmpty() ? "." : entry, "pg_ctl");
            if (Files.isExecutable(pgCtl)) {
                try {
                    candidates.add(pgCtl.toRealPath().getParent());
                } catch (IOException e) {
                    // a dangling link: not a server
                }
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin"))
                    .sorted(Comparator.comparing(PostgresServer::majorVersion).reversed())
                    .forEach(candidates::add);
        } catch (IOException e) {
            // no Debian-style installation
        }
        return candidates.stream()
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                .findFirst();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static PostgresServer start(Path binaries) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cert-rotator-pg-");
        PostgresServer server = new PostgresServer(binaries, dir, freePort());
        try {
            server.initAndStart();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void initAndStart() throws IOException, InterruptedException {
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        if (asRoot()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        run(binaries.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        start();
    }

    private String options() {
        return "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
    }

    /** The server's log: what it reports of every database, errors of failed statements among it. */
    public Path log() {
        return dir.resolve("server.log");
    }

    /** Stops the server as an operator's {@code pg_ctl -m fast stop} does: open sessions are ended. */
    public void stop() throws IOException, InterruptedException {
        run(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts a server {@link #stop() stopped} before, on the same port and data. */
    public void start() throws IOException, InterruptedException {
        run(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", log().toString(), "-w", "-t", "60",
                "-o", options(), "start");
    }

    /** Restarts the server as {@code pg_ctl restart} (or a failover) does: open sessions are ended. */
    public void restart() throws IOException, InterruptedException {
        run(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", log().toString(), "-m", "fast",
                "-w", "-t", "60", "-o", options(), "restart");
    }

    /** A new, empty database on this server. */
    public Database newDatabase() {
        String name = "certrotator" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD)) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new Database(name, url(name), USER, PASSWORD);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Everything in the database, schema and data, as {@code pg_dump} writes it. */
    public String dump(Database database) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(asUser(List.of(binaries.resolve("pg_dump").toString(),
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", database.username(), database.name())));
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed with exit " + process.exitValue());
        }
        return dump;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** What one database needs: a JDBC URL and who to connect as. */
    public record Database(String name, String url, String username, String password) {

        /** The command-line options that make the rotation job use this database as its repository. */
        public List<String> springOptions() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                    "--spring.datasource.password=" + password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asUser(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output + log);
        }
    }

    private static List<String> asUser(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        return asPostgres;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
