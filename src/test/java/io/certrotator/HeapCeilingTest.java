package io.certrotator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapCeilingTest {

    private static final long MB = 1L << 20;

    @Test
    void aHeapUnderTheCeilingIsLeftAsItIs() {
        assertThat(HeapCeiling.freePercentToShrinkTo(HeapCeiling.CEILING, 500 * MB, 50 * MB)).isEmpty();
    }

    @Test
    void aHeapOverTheCeilingWithLittleLiveShrinksToTheShrunkSize() {
        long live = 56 * MB;

        int freePercent = HeapCeiling.freePercentToShrinkTo(HeapCeiling.CEILING + MB, 300 * MB, live).orElseThrow();

        assertThat(committedAfterFullCollection(live, freePercent))
                .isBetween(HeapCeiling.SHRUNK * 9 / 10, HeapCeiling.SHRUNK);
    }

    @Test
    void beforeTheFirstFullCollectionWhatTheCollectionLeftInUseStandsForTheLive() {
        long used = 56 * MB;

        int freePercent = HeapCeiling.freePercentToShrinkTo(HeapCeiling.CEILING + MB, used, 0).orElseThrow();

        assertThat(committedAfterFullCollection(used, freePercent))
                .isBetween(HeapCeiling.SHRUNK * 9 / 10, HeapCeiling.SHRUNK);
    }

    @Test
    void aHeapUnderTwiceTheLiveIsLeftToGrow() {
        long live = 600 * MB;

        assertThat(HeapCeiling.freePercentToShrinkTo(2 * live - MB, 2 * live - 2 * MB, live)).isEmpty();
    }

    @Test
    void aHeapOverTwiceALargeLiveShrinksToHalfAsMuchAgainAsTheLive() {
        long live = 400 * MB;

        int freePercent = HeapCeiling.freePercentToShrinkTo(2 * live + MB, 2 * live, live).orElseThrow();

        assertThat(committedAfterFullCollection(live, freePercent)).isBetween(live * 3 / 2 * 9 / 10, live * 3 / 2);
    }

    @Test
    void aHeapAFullCollectionLeftOverTheCeilingForAStaleLiveIsShrunkAgainToTheShrunkSize() {
        long staleLive = 13 * MB;
        long live = 139 * MB;
        int first = HeapCeiling.freePercentToShrinkTo(1440 * MB, 154 * MB, staleLive).orElseThrow();
        long left = committedAfterFullCollection(live, first);

        int again = HeapCeiling.freePercentToShrinkAgain(first, left, live).orElseThrow();

        assertThat(left).isGreaterThan(HeapCeiling.CEILING);
        assertThat(committedAfterFullCollection(live, again))
                .isBetween(HeapCeiling.SHRUNK * 9 / 10, HeapCeiling.SHRUNK);
    }

    @Test
    void aHeapTheFullCollectionShrankToTheTargetIsNotShrunkAgain() {
        long live = 139 * MB;
        int first = HeapCeiling.freePercentToShrinkTo(1440 * MB, 154 * MB, live).orElseThrow();

        assertThat(HeapCeiling.freePercentToShrinkAgain(first, committedAfterFullCollection(live, first), live))
                .isEmpty();
    }

    /** What G1 leaves committed after a full collection with this much in use and this MaxHeapFreeRatio. */
    private static long committedAfterFullCollection(long inUse, int freePercent) {
        return inUse * 100 / (100 - freePercent);
    }
}
