package io.certrotator.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompactKeysTest {

    /** More keys than a page of ids holds, with more text than a page of texts: the table is rehashed many times. */
    private static final int MANY = 3 * (1 << IntPages.PAGE_BITS);

    @Test
    void keysAreNumberedInTheOrderTheyAreFirstAdded() {
        CompactKeys keys = new CompactKeys();

        assertThat(keys.add(0, "b.example.com")).isZero();
        assertThat(keys.add(0, "a.example.com")).isEqualTo(1);
        assertThat(keys.add(0, "b.example.com")).isZero();
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void theSameTextInAnotherGroupIsAnotherKey() {
        CompactKeys keys = new CompactKeys();
        keys.add(0, "a.example.com");

        assertThat(keys.add(1, "a.example.com")).isEqualTo(1);
        assertThat(keys.group(1)).isEqualTo(1);
    }

    @Test
    void manyKeysKeepTheirIdsGroupsAndTexts() {
        CompactKeys keys = new CompactKeys();
        for (int i = 0; i < MANY; i++) {
            keys.add(i % 7, "h" + i + ".example.com");
        }

        for (int i = 0; i < MANY; i += 997) {
            assertThat(keys.idOf(i % 7, "h" + i + ".example.com")).isEqualTo(i);
            assertThat(keys.group(i)).isEqualTo(i % 7);
            assertThat(keys.text(i)).isEqualTo("h" + i + ".example.com");
        }
        assertThat(keys.size()).isEqualTo(MANY);
    }

    @Test
    void aKeyNeverAddedHasNoId() {
        CompactKeys keys = new CompactKeys();
        keys.add(0, "a.example.com");

        assertThat(keys.idOf(0, "b.example.com")).isEqualTo(-1);
        assertThat(keys.idOf(1, "a.example.com")).isEqualTo(-1);
    }

    @Test
    void aTextLongerThanAPageIsKept() {
        CompactKeys keys = new CompactKeys();
        String longText = "x".repeat(1 << (IntPages.PAGE_BITS + 3));
        keys.add(0, "a");

        int id = keys.add(0, longText);

        assertThat(keys.text(id)).isEqualTo(longText);
        assertThat(keys.text(keys.add(0, "b"))).isEqualTo("b");
    }
}
