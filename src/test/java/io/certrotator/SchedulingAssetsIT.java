package io.certrotator;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        List<String> command = new ArrayList<>(List.of(JOBS.resolve("rotate.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CERT_ROTATOR_JAR", Path.of("target/cert-rotator.jar").toAbsolutePath().toString());
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
        assertThat(run.output()).contains("Invalid value for option '--rate': 99 is not from 1 to 20");
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
        assertThat(list(container.get("command"))).containsExactly("/opt/cert-rotator/jobs/rotate.sh");
        Map<String, Map<String, Object>> env = new java.util.HashMap<>();
        list(container.get("env")).forEach(e -> env.put((String) map(e).get("name"), map(e)));
        assertThat(map(env.get("TENCENTCLOUD_SECRET_KEY").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env.get("TENCENTCLOUD_SECRET_ID").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env.get("SPRING_DATASOURCE_PASSWORD").get("valueFrom"))).containsKey("secretKeyRef");
        assertThat(map(env.get("SPRING_DATASOURCE_URL").get("valueFrom"))).containsKey("configMapKeyRef");
    }

    @Test
    void systemdAndCronRunTheSameWrapper() throws IOException {
        assertThat(Files.readString(JOBS.resolve("cert-rotator.service")))
                .contains("Type=oneshot").contains("ExecStart=/opt/cert-rotator/jobs/rotate.sh --input=");
        assertThat(Files.readString(JOBS.resolve("cert-rotator.timer"))).contains("OnCalendar=").contains("[Install]");
        assertThat(Files.readAllLines(JOBS.resolve("crontab.example")).stream()
                .filter(line -> !line.startsWith("#") && line.contains("rotate.sh")))
                .singleElement().satisfies(line -> assertThat(line.split("\\s+", 6)[5]).startsWith("/opt/cert-rotator/jobs/rotate.sh"));
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
