package io.certrotator.job;

import com.tencentcloudapi.common.Credential;
import io.certrotator.cli.RotateCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs the rotation command in this JVM as an operator would from a shell, with its own job repository
 * (an H2 file under {@code home}), and keeps what it printed. Registered as an extension without a home, it makes
 * each test a home of its own, and deletes it after:
 * <pre>{@code
 * @RegisterExtension
 * final Rotator rotator = new Rotator();
 * }</pre>
 */
final class Rotator implements BeforeEachCallback, AfterEachCallback {

    Path home;
    private final boolean ownHome;

    Rotator(Path home) {
        this.home = home;
        this.ownHome = false;
    }

    Rotator() {
        this.ownHome = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (ownHome) {
            home = Files.createTempDirectory("rotator-home");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (ownHome) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    Result run(Credential credential, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--cert-rotator.home=" + home);
        all.add("--cert-rotator.retry.base-delay=100ms");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(outBytes, out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(errBytes, err), true, StandardCharsets.UTF_8));
        try {
            int code = RotateCommand.run(credential, all.toArray(String[]::new));
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Rotates {@code input} against the endpoint the option names, with more options after. */
    Result rotate(Credential credential, Path input, String endpointOption, String... options) {
        return run(credential, Stream.concat(Stream.of("--input=" + input, endpointOption), Stream.of(options))
                .toArray(String[]::new));
    }

    record Result(int exitCode, String out, String err) {
    }

    /** The report's rows by line number, each as column name to value. */
    static Map<Long, Map<String, String>> report(Path report) {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(report))) {
            return parser.stream().collect(Collectors.toMap(r -> Long.parseLong(r.get("line")), CSVRecord::toMap,
                    (a, b) -> {
                        throw new AssertionError("line reported twice: " + a);
                    }, java.util.TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Path report) {
        try (Stream<String> lines = Files.lines(report)) {
            return lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path csv(Path dir, String name, String... lines) {
        return csv(dir, name, List.of(lines));
    }

    static Path csv(Path dir, String name, List<String> lines) {
        try {
            return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header and {@code count} sslcert rows of one zone, every host on the same certificate. */
    static List<String> hostsOnOneCertificate(String zone, String cert, int count, Function<Integer, String> host) {
        List<String> lines = new ArrayList<>(List.of("zone_id,host,mode,cert_ids"));
        for (int i = 0; i < count; i++) {
            lines.add(zone + "," + host.apply(i) + ",sslcert," + cert);
        }
        return lines;
    }

    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        Tee(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
