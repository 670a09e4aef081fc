package io.certrotator.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntPagesTest {

    private static final int PAGE = 1 << IntPages.PAGE_BITS;

    @Test
    void valuesSetOnManyPagesReadBackAsSet() {
        IntPages values = new IntPages();
        int count = 3 * PAGE + 5;
        for (int i = 0; i < count; i++) {
            values.set(i, i * 7 - 1);
        }

        for (int i = 0; i < count; i++) {
            assertThat(values.get(i)).isEqualTo(i * 7 - 1);
        }
    }

    @Test
    void aPageSkippedOverIsMadeWhenAnIndexOnItIsSet() {
        IntPages values = new IntPages();
        values.set(5 * PAGE + 1, 42);
        values.set(2 * PAGE, 7);

        assertThat(values.get(5 * PAGE + 1)).isEqualTo(42);
        assertThat(values.get(2 * PAGE)).isEqualTo(7);
    }

    @Test
    void aTableMadeWithACapacityReadsZeroEverywhereBelowIt() {
        IntPages table = new IntPages(2 * PAGE + 3);

        assertThat(table.get(0)).isZero();
        assertThat(table.get(2 * PAGE + 2)).isZero();
    }
}
