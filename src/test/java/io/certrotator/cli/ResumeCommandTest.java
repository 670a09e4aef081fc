package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeCommandTest {

    @Test
    void theArgumentsComeBackAsTypedAndQuotedWhereTheShellNeedsIt() {
        assertThat(ResumeCommand.of(List.of("--input=my rotation.csv", "--rate=10", "--report=it's.csv")))
                .startsWith("java -jar ")
                .endsWith(" '--input=my rotation.csv' --rate=10 '--report=it'\\''s.csv'");
    }

    @Test
    void runThroughTheWrapperTheWrapperIsTheCommandToRunAgain() {
        System.setProperty(ResumeCommand.LAUNCHER, "/opt/cert-rotator/jobs/rotate.sh");
        try {
            assertThat(ResumeCommand.of(List.of("--input=a.csv")))
                    .isEqualTo("/opt/cert-rotator/jobs/rotate.sh --input=a.csv");
        } finally {
            System.clearProperty(ResumeCommand.LAUNCHER);
        }
    }

    @Test
    void secretValuesAreMasked() {
        assertThat(ResumeCommand.of(List.of("--input=a.csv", "--spring.datasource.password=hunter2")))
                .doesNotContain("hunter2").contains("--spring.datasource.password=" + ResumeCommand.MASK);
    }
}
