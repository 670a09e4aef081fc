package io.certrotator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapCeilingTest {

    private static final long MB = 1L << 20;

    @Test
    void aHeapUnderTheCeilingIsLeftAsItIs() {
        assertThat(HeapCeiling.freePercentToShrinkTo(HeapCeiling.CEILING, 50 * MB)).isEmpty();
    }

    @Test
    void aHeapOverTheCeilingWithLittleInUseShrinksToTheShrunkSize() {
        long used = 56 * MB;

        int freePercent = HeapCeiling.freePercentToShrinkTo(HeapCeiling.CEILING + MB, used).orElseThrow();

        assertThat(used * 100 / (100 - freePercent)).isBetween(HeapCeiling.SHRUNK * 9 / 10, HeapCeiling.SHRUNK);
    }

    @Test
    void aHeapOverTheCeilingMostlyInUseIsLeftToGrow() {
        assertThat(HeapCeiling.freePercentToShrinkTo(3 * HeapCeiling.CEILING, HeapCeiling.SHRUNK)).isEmpty();
    }
}
