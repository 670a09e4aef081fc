package io.certrotator.plan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct (group, text) keys 0, 1, 2, ... in the order they are first added, in pages of primitives
 * ({@link IntPages}): the texts go as UTF-8 into pages of bytes, an open-addressing table finds them. A million keys
 * take about 50 MB and no object each, so the garbage collector has nothing to trace and the heap stays small.
 */
final class CompactKeys {

    /** A page of texts is as large as a page of {@link IntPages}. */
    private static final int PAGE_BITS = IntPages.PAGE_BITS + 2;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private byte[][] pages = new byte[1][];
    private int pageCount;
    private int pagePosition = PAGE_SIZE;
    /** key id -> where its text starts: page (high bits) and position. */
    private final LongPages starts = new LongPages();
    private final IntPages groups = new IntPages();
    private final IntPages hashes = new IntPages();
    /** slot -> key id + 1, or 0 for a free slot; {@code slotCount} of them, a power of two. */
    private IntPages slots;
    private int slotCount = 2048;
    private int size;

    CompactKeys() {
        slots = new IntPages(slotCount);
    }

    int size() {
        return size;
    }

    /** The key's id, adding the key if it is new. */
    int add(int group, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int hash = hash(group, bytes);
        int slot = find(group, bytes, hash);
        if (slots.get(slot) != 0) {
            return slots.get(slot) - 1;
        }
        starts.set(size, append(bytes));
        groups.set(size, group);
        hashes.set(size, hash);
        slots.set(slot, ++size);
        if (size * 2 > slotCount) {
            rehash();
        }
        return size - 1;
    }

    /** The key's id, or -1 when it was never added. */
    int idOf(int group, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return slots.get(find(group, bytes, hash(group, bytes))) - 1;
    }

    int group(int id) {
        return groups.get(id);
    }

    String text(int id) {
        long start = starts.get(id);
        byte[] page = pages[(int) (start >>> PAGE_BITS)];
        int position = (int) (start & (PAGE_SIZE - 1));
        return new String(page, position + 4, length(page, position), StandardCharsets.UTF_8);
    }

    private int find(int group, byte[] bytes, int hash) {
        int mask = slotCount - 1;
        int slot = hash & mask;
        while (slots.get(slot) != 0 && !matches(slots.get(slot) - 1, group, bytes, hash)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean matches(int id, int group, byte[] bytes, int hash) {
        if (hashes.get(id) != hash || groups.get(id) != group) {
            return false;
        }
        long start = starts.get(id);
        byte[] page = pages[(int) (start >>> PAGE_BITS)];
        int position = (int) (start & (PAGE_SIZE - 1));
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
        slotCount *= 2;
        slots = new IntPages(slotCount);
        int mask = slotCount - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes.get(id) & mask;
            while (slots.get(slot) != 0) {
                slot = (slot + 1) & mask;
            }
            slots.set(slot, id + 1);
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
