package io.certrotator.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatTest {

    @Test
    void textSetsNoSpringBootProperty() {
        assertThat(LogFormat.TEXT.springProperties(new String[] {"--input=a.csv"})).isEmpty();
    }

    @Test
    void jsonIsEcsWithoutTheServiceNodeSpringBootWritesEmpty() {
        assertThat(LogFormat.JSON.springProperties(new String[] {"--input=a.csv"}))
                .containsEntry("logging.structured.format.console", "ecs")
                .containsEntry("logging.structured.json.exclude", "service.node");
    }

    @Test
    void jsonKeepsTheServiceNodeWhenANodeNameIsGiven() {
        assertThat(LogFormat.JSON.springProperties(new String[] {LogFormat.NODE_NAME + "=runner-7"}))
                .containsEntry("logging.structured.format.console", "ecs")
                .doesNotContainKey("logging.structured.json.exclude");
    }

    @Test
    void withJsonLinesPrintedBeforeLoggingStartsGoToStandardError() {
        assertThat(LogFormat.JSON.beforeLogging()).isSameAs(System.err);
        assertThat(LogFormat.TEXT.beforeLogging()).isSameAs(System.out);
    }
}
