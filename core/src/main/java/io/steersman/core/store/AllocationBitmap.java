package io.steersman.core.store;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * Which of {@code size} numbered items (cluster IPs, node ports) are taken, as upstream's
 * {@code allocator.AllocationBitmap} with the static/dynamic split of KEP-3070: items below
 * {@code offset} form the static band that users are advised to ask for by number; a dynamic
 * allocation picks a random free item from the upper band first and falls back to the static band
 * only when the upper one is full. Thread-safe.
 */
final class AllocationBitmap {
    private final int size;
    private final int offset;
    private final BitSet taken;
    private final RandomGenerator random;

    AllocationBitmap(int size, int offset, RandomGenerator random) {
        if (size < 0 || offset < 0 || offset > size) {
            throw new IllegalArgumentException("size " + size + ", offset " + offset);
        }
        this.size = size;
        this.offset = offset;
        this.taken = new BitSet(size);
        this.random = random;
    }

    /** Takes item {@code index}; false when it is taken already. */
    synchronized boolean allocate(int index) {
        check(index);
        if (taken.get(index)) {
            return false;
        }
        taken.set(index);
        return true;
    }

    /**
     * Takes a free item, randomly from the upper band, else from the static band (upstream's
     * {@code randomScanStrategyWithOffset}); -1 when every item is taken.
     */
    synchronized int allocateNext() {
        int found = randomFree(offset, size);
        if (found < 0) {
            found = randomFree(0, offset);
        }
        if (found >= 0) {
            taken.set(found);
        }
        return found;
    }

    /** The first free item at or after a random start in [from, to), wrapping round; -1 if none. */
    private int randomFree(int from, int to) {
        if (from >= to) {
            return -1;
        }
        int start = from + random.nextInt(to - from);
        int found = taken.nextClearBit(start);
        if (found < to) {
            return found;
        }
        found = taken.nextClearBit(from);
        return found < start ? found : -1;
    }

    /** Frees item {@code index}; freeing a free item does nothing. */
    synchronized void release(int index) {
        check(index);
        taken.clear(index);
    }

    synchronized boolean has(int index) {
        check(index);
        return taken.get(index);
    }

    synchronized int used() {
        return taken.cardinality();
    }

    int size() {
        return size;
    }

    int offset() {
        return offset;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " outside [0, " + size + ")");
        }
    }

    /**
     * Upstream's {@code calculateRangeOffset}: {@code min(max(min, size / step), max)}, 0 for a range
     * of at most {@code min} items. Cluster IPs use 16, 16, 256 (a /12 reserves 256 addresses, a /24
     * reserves 16); node ports 16, 32, 128 (30000-32767 reserves 86 ports).
     */
    static int staticBand(long rangeSize, int min, int step, int max) {
        if (rangeSize <= min) {
            return 0;
        }
        long band = rangeSize / step;
        return (int) Math.max(min, Math.min(band, max));
    }
}
