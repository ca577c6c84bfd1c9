package io.steersman.core.store;

/**
 * Makes equal immutable values written at different times one object: a value equal to the one
 * in its slot is that one, otherwise it takes the slot. A fixed number of slots indexed by hash,
 * so the pool never grows, keeps at most one value per slot alive, and values seen once just pass
 * through (as the codec's string pool at decode time, here at write time).
 *
 * <p>Thread-safe without locks: slots hold immutable objects (records of final fields over
 * immutable collections, safely published through them), and a lost race only costs a duplicate.
 */
final class SharingPool {
    private final Object[] slots;
    /** Values this pool handed out, by identity: one met again (a template's containers) is known without hashing it. */
    private final Object[] known;

    SharingPool(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = new Object[slots];
        this.known = new Object[slots];
    }

    /** {@code value}, or the equal value seen before it that is still pooled; null and empty collections stay as they are. */
    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        if (value == null || value instanceof java.util.Collection<?> c && c.isEmpty()
                || value instanceof java.util.Map<?, ?> m && m.isEmpty()) {
            return value;
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
        Object pooled = slots[slot];
        if (pooled != null && pooled.getClass() == value.getClass() && value.equals(pooled)) {
            return (T) pooled;
        }
        slots[slot] = value;
        return value;
    }

    /**
     * {@link #share}, but first by identity: for values that are often the very object handed out
     * before (a template's containers or labels in every pod made from it), whose hash walks them
     * whole.
     */
    <T> T shareKnown(T value) {
        if (value == null) {
            return null;
        }
        int mask = known.length - 1;
        if (known[System.identityHashCode(value) & mask] == value) {
            return value;
        }
        T shared = share(value);
        known[System.identityHashCode(shared) & mask] = shared;
        return shared;
    }

    /**
     * {@link #share} unless {@code value} is {@code stored}'s very part already (an update that
     * left it alone): then it is shared or not as it was, and costs nothing.
     */
    <T> T share(T value, T stored) {
        return value == stored ? value : share(value);
    }
}
