package io.certrotator.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LongPagesTest {

    private static final int PAGE = 1 << LongPages.PAGE_BITS;

    @Test
    void valuesSetOnManyPagesReadBackAsSet() {
        LongPages values = new LongPages();
        int count = 3 * PAGE + 5;
        for (int i = 0; i < count; i++) {
            values.set(i, (long) i << 33);
        }

        for (int i = 0; i < count; i++) {
            assertThat(values.get(i)).isEqualTo((long) i << 33);
        }
    }
}
