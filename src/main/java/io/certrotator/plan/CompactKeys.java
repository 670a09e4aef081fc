package io.certrotator.plan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct (group, text) keys 0, 1, 2, ... in the order they are first added, in primitive arrays: the
 * texts go as UTF-8 into pages of bytes, an open-addressing table finds them. A million keys take about 50 MB and
 * no object each, so the garbage collector has nothing to trace and the heap stays small.
 */
final class CompactKeys {

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private byte[][] pages = new byte[1][];
    private int pageCount;
    private int pagePosition = PAGE_SIZE;
    /** key id -> where its text starts: page (high bits) and position. */
    private long[] starts = new long[1024];
    private int[] groups = new int[1024];
    private int[] hashes = new int[1024];
    /** slot -> key id + 1, or 0 for a free slot. */
    private int[] slots = new int[2048];
    private int size;

    int size() {
        return size;
    }

    /** The key's id, adding the key if it is new. */
    int add(int group, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int hash = hash(group, bytes);
        int slot = find(group, bytes, hash);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            groups = Arrays.copyOf(groups, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        starts[size] = append(bytes);
        groups[size] = group;
        hashes[size] = hash;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /** The key's id, or -1 when it was never added. */
    int idOf(int group, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return slots[find(group, bytes, hash(group, bytes))] - 1;
    }

    int group(int id) {
        return groups[id];
    }

    String text(int id) {
        byte[] page = pages[(int) (starts[id] >>> PAGE_BITS)];
        int position = (int) (starts[id] & (PAGE_SIZE - 1));
        return new String(page, position + 4, length(page, position), StandardCharsets.UTF_8);
    }

    private int find(int group, byte[] bytes, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0 && !matches(slots[slot] - 1, group, bytes, hash)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean matches(int id, int group, byte[] bytes, int hash) {
        if (hashes[id] != hash || groups[id] != group) {
            return false;
        }
        byte[] page = pages[(int) (starts[id] >>> PAGE_BITS)];
        int position = (int) (starts[id] & (PAGE_SIZE - 1));
        return length(page, position) == bytes.length
                && Arrays.equals(page, position + 4, position + 4 + bytes.length, bytes, 0, bytes.length);
    }

    /** Stores the text's length (four bytes) and bytes in one page (a text longer than a page gets its own). */
    private long append(byte[] bytes) {
        if (bytes.length + 4 > PAGE_SIZE - pagePosition) {
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pageCount * 2);
            }
            pages[pageCount++] = new byte[Math.max(PAGE_SIZE, bytes.length + 4)];
            pagePosition = 0;
        }
        byte[] page = pages[pageCount - 1];
        for (int i = 0; i < 4; i++) {
            page[pagePosition + i] = (byte) (bytes.length >>> (24 - 8 * i));
        }
        System.arraycopy(bytes, 0, page, pagePosition + 4, bytes.length);
        long start = ((long) (pageCount - 1) << PAGE_BITS) | pagePosition;
        pagePosition += bytes.length + 4;
        return start;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    private static int length(byte[] page, int position) {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            length = (length << 8) | (page[position + i] & 0xff);
        }
        return length;
    }

    /** The texts' own hash, mixed (MurmurHash3's finalizer) so that similar texts do not fill neighbouring slots. */
    private static int hash(int group, byte[] bytes) {
        int hash = 31 * group + Arrays.hashCode(bytes);
        hash = (hash ^ (hash >>> 16)) * 0x85ebca6b;
        hash = (hash ^ (hash >>> 13)) * 0xc2b2ae35;
        return hash ^ (hash >>> 16);
    }
}
