package io.certrotator.job;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTest {

    private final IOException root = new IOException("disk full");
    private final IllegalStateException middle = new IllegalStateException("cannot write", root);
    private final RuntimeException top = new RuntimeException("step failed", middle);

    @Test
    void theFirstCauseOfTheWantedKindIsFoundHoweverDeep() {
        assertThat(Causes.first(top, IOException.class::isInstance)).isSameAs(root);
        assertThat(Causes.first(top, IllegalArgumentException.class::isInstance)).isNull();
    }

    @Test
    void theInnermostCauseIsTheLastOrTheFirstOneToStopAt() {
        assertThat(Causes.innermost(top, t -> false)).isSameAs(root);
        assertThat(Causes.innermost(top, IllegalStateException.class::isInstance)).isSameAs(middle);
    }
}
