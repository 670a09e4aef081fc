package io.certrotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certrotator.certs.CertbotLayout;
import io.certrotator.certs.GeneratedCertificate;
import io.certrotator.certs.TestCertificates;
import io.certrotator.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private key of an upload leaves the machine only in the UploadCertificate request: the packaged command, in a
 * JVM of its own with every logger at TRACE (logback, and java.util.logging at ALL), prints no part of it, and leaves none in any file under its home, its
 * temporary folder or its working folder; the same for a refused upload and a key that does not match.
 */
class UploadSecretsIT {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.seededWith("simulator/seed.csv");

    private static final Path JAR = Path.of("target/cert-rotator.jar").toAbsolutePath();
    private static final String TRACE_EVERYTHING = """
            <configuration debug="true">
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d %level %logger %msg%n</pattern></encoder>
              </appender>
              <root level="TRACE"><appender-ref ref="out"/></root>
            </configuration>
            """;
    /** java.util.logging (OkHttp's and the JDK's own) at its finest, to the console. */
    private static final String JUL_EVERYTHING = """
            handlers=java.util.logging.ConsoleHandler
            .level=ALL
            java.util.logging.ConsoleHandler.level=ALL
            """;

    @TempDir
    Path home;

    @TempDir
    Path certbot;

    /** Every 16-character run of the key file's base64 lines. */
    private static List<String> keyMaterial(String pem) {
        return pem.lines()
                .filter(line -> !line.startsWith("-----") && line.length() >= 16)
                .flatMap(line -> Stream.iterate(0, start -> start + 16 <= line.length(), start -> start + 1)
                        .map(start -> line.substring(start, start + 16)))
                .toList();
    }

    private String upload(String... args) throws Exception {
        Path trace = Files.writeString(Files.createDirectories(home.resolve("config")).resolve("trace.xml"),
                TRACE_EVERYTHING);
        Path jul = Files.writeString(home.resolve("config").resolve("logging.properties"), JUL_EVERYTHING);
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp,
                "-Dlogback.configurationFile=" + trace,
                "-Djava.util.logging.config.file=" + jul, "-jar", JAR.toString(), "upload"));
        command.addAll(List.of(args));
        command.add("--endpoint=http://127.0.0.1:" + sim.port());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_"));
        builder.environment().put("TENCENTCLOUD_SECRET_ID", SimulatorExtension.SECRET_ID);
        builder.environment().put("TENCENTCLOUD_SECRET_KEY", SimulatorExtension.SECRET_KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }

    private void assertNowhere(String output, String keyPem) throws IOException {
        List<String> material = keyMaterial(keyPem);
        assertThat(material).isNotEmpty();
        List<String> texts = new ArrayList<>(List.of(output));
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(file + "\n" + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        for (String text : texts) {
            for (String run : material) {
                assertThat(text).as("a file or the output holds part of the key").doesNotContain(run);
            }
        }
    }

    @Test
    void anUploadAtTraceLeavesNoPartOfTheKeyInItsOutputOrFiles() throws Exception {
        GeneratedCertificate leaf = UploadCommandIT.current("www.example.com").dnsNames("www.example.com").build();
        CertbotLayout layout = CertbotLayout.create(certbot, "www.example.com", leaf);

        String output = upload("--cert=" + layout.fullchain(), "--key=" + layout.privkey());

        assertThat(output).startsWith("exit 0\n").contains("certificate: ")
                .as("logback read the TRACE configuration").contains("trace.xml");
        assertNowhere(output, leaf.pkcs8KeyPem());
    }

    @Test
    void aRefusedUploadAtTraceLeavesNoPartOfTheKey() throws Exception {
        sim.simulator().refuseUploads("FailedOperation.CertificateMismatch");
        GeneratedCertificate leaf = UploadCommandIT.current("www.example.com").dnsNames("www.example.com")
                .key(TestCertificates.rsaKey(2048)).build();
        CertbotLayout layout = CertbotLayout.create(certbot, "www.example.com", leaf);

        String output = upload("--cert=" + layout.fullchain(), "--key=" + layout.privkey());

        assertThat(output).startsWith("exit 3\n").contains("FailedOperation.CertificateMismatch");
        assertNowhere(output, leaf.pkcs8KeyPem());
    }

    @Test
    void aKeyThatDoesNotMatchLeavesNoPartOfItInTheMessage() throws Exception {
        GeneratedCertificate leaf = UploadCommandIT.current("www.example.com").dnsNames("www.example.com").build();
        GeneratedCertificate other = UploadCommandIT.current("other.example.com").build();
        Path key = TestCertificates.write(certbot.resolve("other.pem"), other.traditionalKeyPem());
        Path chain = TestCertificates.write(certbot.resolve("chain.pem"), leaf.certificatePem());

        String output = upload("--cert=" + chain, "--key=" + key);

        assertThat(output).startsWith("exit 2\n").contains("does not match");
        assertNowhere(output, other.traditionalKeyPem());
        assertNowhere(output, other.pkcs8KeyPem());
    }
}
