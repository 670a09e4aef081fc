package io.certrotator.plan;

import java.util.Arrays;

/** {@link IntPages} for longs: an array that grows a page at a time, each page under half the smallest G1 region. */
final class LongPages {

    static final int PAGE_BITS = 15;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private long[][] pages = new long[1][];

    /** The value at an index set before. */
    long get(int index) {
        return pages[index >>> PAGE_BITS][index & (PAGE_SIZE - 1)];
    }

    void set(int index, long value) {
        int page = index >>> PAGE_BITS;
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
        }
        if (pages[page] == null) {
            pages[page] = new long[PAGE_SIZE];
        }
        pages[page][index & (PAGE_SIZE - 1)] = value;
    }
}
