package io.certrotator;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Keeps the heap of a JVM started without a heap size (plain {@code java -jar}) near what the run holds. G1 sizes
 * its heap by the share of time it spends collecting, not by what is live: a load allocates hundreds of megabytes a
 * second while about 50 MB stay live, every pause is long on a busy 2-core machine, and the heap grows to 2 or 3 GB.
 * The flags that would stop that cannot be set once the JVM runs; what can be ({@code MaxHeapFreeRatio} is
 * "manageable") is how much free heap a full collection leaves committed. So when a collection leaves more than
 * {@link #CEILING} committed, and more than twice what the last full collection found in use, one full collection
 * shrinks the heap to {@link #SHRUNK} (or half as much again as is in use, if that is more), and a second one when
 * the first, asked with a live that the run has outgrown since, left it over the ceiling.
 * A heap size given by the operator ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, as {@code jobs/rotate.sh} does),
 * or another collector, turns this off. It never lowers the maximum: a run that needs more heap still gets it.
 */
final class HeapCeiling {

    /** The committed heap a collection may leave before a full one shrinks it. */
    static final long CEILING = 640L << 20;
    /** The heap a full collection leaves: room for young collections to stay few, so G1 grows it seldom. */
    static final long SHRUNK = 448L << 20;
    private static final String FULL_COLLECTION = "end of major GC";

    private final HotSpotDiagnosticMXBean hotSpot;
    private final Set<String> heapPools;
    private final AtomicBoolean shrinking = new AtomicBoolean();
    private volatile long live;

    private HeapCeiling(HotSpotDiagnosticMXBean hotSpot, Set<String> heapPools) {
        this.hotSpot = hotSpot;
        this.heapPools = heapPools;
    }

    /**
     * Installs the ceiling, on a thread of its own, where the JVM runs G1 with the heap size it chose itself and may
     * grow it past the ceiling: loading the management classes takes a few tenths of a second that start-up need not
     * wait for, and the wrapper's smaller heap none of it.
     */
    static void startUnlessHeapSizeGiven() {
        if (Runtime.getRuntime().maxMemory() <= CEILING) {
            return;
        }
        Thread install = new Thread(HeapCeiling::installUnlessHeapSizeGiven, "heap-ceiling");
        install.setDaemon(true);
        install.start();
    }

    private static void installUnlessHeapSizeGiven() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null || !"true".equals(hotSpot.getVMOption("UseG1GC").getValue())
                || given(hotSpot, "MaxHeapSize") || given(hotSpot, "MaxRAMPercentage") || given(hotSpot, "MaxRAM")
                || given(hotSpot, "MinHeapFreeRatio") || given(hotSpot, "MaxHeapFreeRatio")) {
            return;
        }
        // Never grow the heap at a full collection or a concurrent cycle's end for want of free space: G1 grows it
        // at young collections anyway, when they take too much of the time.
        hotSpot.setVMOption("MinHeapFreeRatio", "0");
        HeapCeiling ceiling = new HeapCeiling(hotSpot, ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet()));
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        ceiling.collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
    }

    /**
     * The free share of the heap, in percent, that a full collection should leave after a collection left
     * {@code committed} bytes of heap; empty where the heap may stay as it is: under the ceiling, or under twice what
     * the last full collection left in use, a run that holds that much needs the room.
     *
     * @param used what this collection left in use, garbage in the old generation included
     * @param live what the last full collection left in use; 0 before the first
     */
    static OptionalInt freePercentToShrinkTo(long committed, long used, long live) {
        if (committed <= Math.max(CEILING, 2 * live)) {
            return OptionalInt.empty();
        }
        long inUse = live > 0 ? live : used;
        long target = Math.max(SHRUNK, inUse * 3 / 2);
        // G1 keeps in use / (1 - free / 100) committed: rounding the free share down would keep more than the target.
        return OptionalInt.of((int) Math.max(0, 100 - (100 * inUse + target - 1) / target));
    }

    /**
     * The free share a second full collection should leave, right after one shrank the heap with
     * {@code shrunkWith} percent free and left {@code committed} with {@code live} in use; empty where the heap is
     * as it should be. The first share came from the live the full collection before it found, which a load
     * outgrows (by a third in a million-row dry run): G1 then kept a third more than the target, and a heap that
     * size soon holds that much. A second pass, with the live now known, shrinks it to the target.
     */
    static OptionalInt freePercentToShrinkAgain(int shrunkWith, long committed, long live) {
        OptionalInt again = freePercentToShrinkTo(committed, live, live);
        return again.isPresent() && again.getAsInt() < shrunkWith ? again : OptionalInt.empty();
    }

    private void shrink(int freePercent) {
        hotSpot.setVMOption("MaxHeapFreeRatio", Integer.toString(freePercent));
        System.gc();
    }

    private static boolean given(HotSpotDiagnosticMXBean hotSpot, String flag) {
        VMOption.Origin origin = hotSpot.getVMOption(flag).getOrigin();
        return origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC;
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        long committed = 0;
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                committed += usage.getCommitted();
                used += usage.getUsed();
            }
        }
        if (FULL_COLLECTION.equals(info.getGcAction())) {
            live = used;
            return;
        }
        OptionalInt freePercent = freePercentToShrinkTo(committed, used, live);
        if (freePercent.isPresent() && shrinking.compareAndSet(false, true)) {
            // Not on the thread that delivers the notifications: it would wait out the full collection.
            Thread shrink = new Thread(() -> {
                try {
                    shrink(freePercent.getAsInt());
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    freePercentToShrinkAgain(freePercent.getAsInt(), heap.getCommitted(), heap.getUsed())
                            .ifPresent(this::shrink);
                } finally {
                    shrinking.set(false);
                }
            }, "heap-ceiling");
            shrink.setDaemon(true);
            shrink.start();
        }
    }
}
