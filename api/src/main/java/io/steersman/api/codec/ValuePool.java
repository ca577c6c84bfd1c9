package io.steersman.api.codec;

import java.time.Instant;

/**
 * Makes equal short strings and equal instants decoded from different documents the same object,
 * so a store of many similar objects (ten thousand pods that all say {@code "True"},
 * {@code "Ready"}, {@code "default"}, {@code "nginx:1.9.1"}, with conditions that share a
 * timestamp) holds each value once. A fixed number of slots indexed by hash: a value that is
 * not in its slot replaces what was there, so the pool never grows and rare values just pass
 * through.
 *
 * <p>Thread-safe without locks: slots hold immutable objects (safely published through their
 * final fields), and a lost race only costs a duplicate.
 */
final class ValuePool {
    /** Longer strings are rarely repeated (annotations, messages, last-applied JSON). */
    private static final int MAX_POOLED_LENGTH = 64;

    private final String[] strings;
    private final Instant[] instants;

    ValuePool(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        strings = new String[slots];
        instants = new Instant[slots];
    }

    String pool(String value) {
        if (value.length() > MAX_POOLED_LENGTH) {
            return value;
        }
        int slot = spread(value.hashCode()) & (strings.length - 1);
        String pooled = strings[slot];
        if (value.equals(pooled)) {
            return pooled;
        }
        strings[slot] = value;
        return value;
    }

    Instant pool(Instant value) {
        int slot = spread(Long.hashCode(value.getEpochSecond()) * 31 + value.getNano()) & (instants.length - 1);
        Instant pooled = instants[slot];
        if (value.equals(pooled)) {
            return pooled;
        }
        instants[slot] = value;
        return value;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
