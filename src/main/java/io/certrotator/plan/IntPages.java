package io.certrotator.plan;

import java.util.Arrays;

/**
 * An array of ints that grows a page at a time, for a value per host or per target of a million-row input. One
 * array that large would be "humongous" to G1 (half a region or more): each one allocated may start a collection
 * and a concurrent cycle, a run of them as an array doubles makes G1 grow the heap several hundred megabytes at once,
 * and it fills whole regions, half of the last one wasted. A page stays under the smallest region's half (1 MB
 * regions), and growing copies only the page references, never the values.
 */
final class IntPages {

    static final int PAGE_BITS = 16;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private int[][] pages = new int[1][];

    IntPages() {
    }

    /** Pages for indexes below {@code capacity}, each 0 until set: for a table read anywhere. */
    IntPages(int capacity) {
        int count = (int) (((long) capacity + PAGE_SIZE - 1) >>> PAGE_BITS);
        pages = new int[Math.max(1, count)][];
        for (int page = 0; page < count; page++) {
            pages[page] = new int[PAGE_SIZE];
        }
    }

    /** The value at an index set before, or below the capacity this was made with (0 until set). */
    int get(int index) {
        return pages[index >>> PAGE_BITS][index & (PAGE_SIZE - 1)];
    }

    void set(int index, int value) {
        page(index)[index & (PAGE_SIZE - 1)] = value;
    }

    private int[] page(int index) {
        int page = index >>> PAGE_BITS;
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
        }
        if (pages[page] == null) {
            pages[page] = new int[PAGE_SIZE];
        }
        return pages[page];
    }
}
