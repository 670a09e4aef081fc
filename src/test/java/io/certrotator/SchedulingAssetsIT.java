package io.certrotator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduling assets in {@code jobs/}: the wrapper they all call, with the built jar, and their files. */
class SchedulingAssetsIT {

    static final Path JOBS = Path.of("jobs");

    record Run(int exitCode, String output) {
    }

    private static Run wrapper(String... args) throws IOException, InterruptedException {
        return wrapper(Map.of(), args);
    }

    private static Run wrapper(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JOBS.resolve("rotate.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CERT_ROTATOR_JAR", Path.of("target/cert-rotator.jar").toAbsolutePath().toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void theWrapperPassesHelpThroughAndExitsZero() throws Exception {
        Run run = wrapper("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Usage:").contains("--profile=NAME");
    }

    @Test
    void theWrapperKeepsTheBadConfigurationExitCode() throws Exception {
        Run run = wrapper("--input=whatever.csv", "--rate=99");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--rate");
    }

    @Test
    void theWrapperWritesNothingToTheJobRepositoryButTheRunItself(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("rotation.csv"),
                "zone_id,host,mode,cert_ids\nzone-wrapper1,a.example.com,sslcert,cert-1\n");
        String repository = "jdbc:h2:file:" + dir.resolve("repository/jobs");

        Run run = wrapper(Map.of("SPRING_DATASOURCE_URL", repository, "TENCENTCLOUD_SECRET_ID", "AKIDwrapper",
                "TENCENTCLOUD_SECRET_KEY", "wrapper-secret"), "--input=" + input, "--simulate", "--progress=off",
                "--cert-rotator.home=" + dir.resolve("home"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        try (Connection connection = DriverManager.getConnection(repository, "sa", "");
             ResultSet inputs = connection.createStatement().executeQuery(
                     "SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'input'")) {
            List<String> runs = new ArrayList<>();
            while (inputs.next()) {
                runs.add(inputs.getString(1));
            }
            assertThat(runs).containsExactly(input.toString());
        }
    }

    @Test
    void aPreparedStartLeavesTheHostsRepositoryAloneAndLoadsTheRotationsClassesFromTheArchiveUntilTheJarChanges(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of("target/cert-rotator.jar"), dir.resolve("cert-rotator.jar"));
        Map<String, String> prepared = Map.of("CERT_ROTATOR_JAR", jar.toString(),
                "CERT_ROTATOR_START_DIR", dir.resolve("start").toString());
        ProcessBuilder prepare = new ProcessBuilder(JOBS.resolve("prepare-start.sh").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("prepare.log").toFile()).directory(dir.toFile());
        prepare.environment().putAll(prepared);
        // the host's repository, by the environment and by a config file in the current folder
        prepare.environment().put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("environment/jobs"));
        Files.writeString(dir.resolve("application.properties"),
                "spring.datasource.url=jdbc:h2:file:" + dir.resolve("config-file/jobs") + "\n");
        Process preparing = prepare.start();
        assertThat(preparing.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(preparing.exitValue()).as(Files.readString(dir.resolve("prepare.log"))).isZero();
        assertThat(dir.resolve("environment")).doesNotExist();
        assertThat(dir.resolve("config-file")).doesNotExist();

        assertThat(archivedClassesOfARotation(dir, prepared, "prepared")).isGreaterThan(1000);
        assertThat(jar.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue();
        assertThat(archivedClassesOfARotation(dir, prepared, "rebuilt")).isZero();
    }

    @Test
    void twoPreparationsAtOnceBothEndReadyOneAfterTheOther(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of("target/cert-rotator.jar"), dir.resolve("cert-rotator.jar"));
        List<Process> preparations = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            ProcessBuilder prepare = new ProcessBuilder(JOBS.resolve("prepare-start.sh").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
            prepare.environment().putAll(Map.of("CERT_ROTATOR_JAR", jar.toString(),
                    "CERT_ROTATOR_START_DIR", dir.resolve("start").toString()));
            preparations.add(prepare.start());
            // the second while the first trains, as an operator's beside an image build would
            Thread.sleep(2_000);
        }
        for (Process preparation : preparations) {
            assertThat(preparation.waitFor(240, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(preparations).allSatisfy(preparation -> assertThat(preparation.exitValue()).as(
                Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log"))).isZero());
        try (var builds = Files.list(dir.resolve("start"))) {
            assertThat(builds.filter(Files::isDirectory).toList()).singleElement()
                    .satisfies(build -> assertThat(build.resolve("classes.jsa")).isNotEmptyFile());
        }
    }

    @Test
    void aPreparationWhereNothingCanBeWrittenIsOneLineAndExitOne() throws Exception {
        ProcessBuilder prepare = new ProcessBuilder(JOBS.resolve("prepare-start.sh").toAbsolutePath().toString())
                .redirectErrorStream(true);
        prepare.environment().putAll(Map.of("CERT_ROTATOR_JAR", Path.of("target/cert-rotator.jar").toAbsolutePath()
                .toString(), "CERT_ROTATOR_START_DIR", "/proc/self/cert-rotator-start"));
        Process preparing = prepare.start();
        String output = new String(preparing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(preparing.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(preparing.exitValue()).isEqualTo(1);
        assertThat(output).isEqualTo("cert-rotator: cannot write /proc/self/cert-rotator-start: set"
                + " CERT_ROTATOR_START_DIR to a folder you can write\n");
    }

    /** Runs a rotation through the wrapper and counts the classes it loaded from the prepared start's archive. */
    private static long archivedClassesOfARotation(Path dir, Map<String, String> environment, String name)
            throws Exception {
        Path input = Files.writeString(dir.resolve(name + ".csv"),
                "zone_id,host,mode,cert_ids\nzone-" + name + ",a.example.com,sslcert,cert-1\n");
        Path classes = dir.resolve(name + "-classes.log");
        Map<String, String> run = new java.util.HashMap<>(environment);
        run.putAll(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes, "TENCENTCLOUD_SECRET_ID",
                "AKIDwrapper", "TENCENTCLOUD_SECRET_KEY", "wrapper-secret"));

        Run rotation = wrapper(run, "--input=" + input, "--simulate", "--progress=off",
                "--cert-rotator.home=" + dir.resolve(name));

        assertThat(rotation.exitCode()).as(rotation.output()).isZero();
        try (var lines = Files.lines(classes)) {
            return lines.filter(line -> line.contains("source: shared objects file (top)")).count();
        }
    }

    @Test
    void theWrapperBuildsNothingWhenTheJarIsMissing(@TempDir Path dir) throws Exception {
        Run run = wrapper(Map.of("CERT_ROTATOR_JAR", dir.resolve("missing.jar").toString()), "--help");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("no jar at " + dir.resolve("missing.jar"));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theKubernetesCronJobNeverOverlapsAndTakesSecretsFromSecrets() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(JOBS.resolve("kubernetes-cronjob.yaml"))) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(d -> documents.add(map(d)));
        }
        Map<String, Object> cronJob = documents.stream().filter(d -> "CronJob".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        Map<String, Object> spec = map(cronJob.get("spec"));
        assertThat(spec.get("concurrencyPolicy")).isEqualTo("Forbid");
        Map<String, Object> container = map(list(map(map(map(map(spec.get("jobTemplate")).get("spec")).get("template"))
                .get("spec")).get("containers")).get(0));
        assertThat(installed((String) list(container.get("command")).get(0))).isExecutable();
        Map<String, Map<String, Object>> env = new java.util.HashMap<>();
        list(container.get("env")).forEach(e -> env.put((String) map(e).get("name"), map(e)));
        assertThat(map(env.get("TENCENTCLOUD_SECRET_KEY").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env.get("TENCENTCLOUD_SECRET_ID").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env.get("SPRING_DATASOURCE_PASSWORD").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env.get("SPRING_DATASOURCE_URL").get("valueFrom"))).containsKey("configMapKeyRef");
    }

    @Test
    void systemdAndCronRunThisRepositorysWrapper() throws IOException {
        String service = Files.readAllLines(JOBS.resolve("cert-rotator.service")).stream()
                .filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow().substring("ExecStart=".length());
        String cron = Files.readAllLines(JOBS.resolve("crontab.example")).stream()
                .filter(line -> !line.startsWith("#") && line.matches("^[0-9*].*")).findFirst().orElseThrow()
                .split("\\s+", 6)[5];

        for (String command : List.of(service, cron)) {
            assertThat(installed(command.split("\\s+")[0])).as(command).isExecutable();
        }
    }

    @Test
    void everyScheduleRunsTheScheduledFormOfRotate() throws IOException {
        String service = Files.readAllLines(JOBS.resolve("cert-rotator.service")).stream()
                .filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
        String cron = Files.readAllLines(JOBS.resolve("crontab.example")).stream()
                .filter(line -> line.matches("^[0-9*].*")).findFirst().orElseThrow();
        String cronJob = Files.readString(JOBS.resolve("kubernetes-cronjob.yaml"));

        for (String command : List.of(service, cron)) {
            assertThat(command).as(command).contains("rotate.sh rotate --expiring-within=30d")
                    .doesNotContain("--input");
        }
        assertThat(cronJob).contains("- rotate\n                - --expiring-within=30d").doesNotContain("--input");
        for (String asset : List.of("crontab.example", "cert-rotator.service", "kubernetes-cronjob.yaml")) {
            assertThat(Files.readString(JOBS.resolve(asset))).as(asset).contains("--dry-run");
        }
    }

    /** Where a path under the examples' install folder, /opt/cert-rotator, is in this repository. */
    private static Path installed(String path) {
        assertThat(path).startsWith("/opt/cert-rotator/");
        return Path.of(path.substring("/opt/cert-rotator/".length()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        return (List<Object>) yaml;
    }
}
