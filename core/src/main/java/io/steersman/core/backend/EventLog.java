package io.steersman.core.backend;

import java.util.function.Consumer;

/**
 * The memory backend's bounded history: the last {@code capacity} events in a ring, numbered by a
 * sequence (several events may share a revision when a transaction writes several keys). Not
 * thread-safe: used under the backend's write lock.
 */
final class EventLog {

    /** One recorded change and the version it created (to compact its key's chain later). */
    record Entry(BackendEvent event, Version version) {
        long revision() {
            return event.revision();
        }
    }

    private final Entry[] ring;
    private long nextSeq;

    EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history size must be at least 1: " + capacity);
        }
        this.ring = new Entry[capacity];
    }

    /** Appends {@code entry}; returns the entry it pushed out of the history, or null. */
    Entry append(Entry entry) {
        int index = (int) (nextSeq % ring.length);
        Entry evicted = ring[index];
        ring[index] = entry;
        nextSeq++;
        return evicted;
    }

    long oldestSeq() {
        return Math.max(0, nextSeq - ring.length);
    }

    long nextSeq() {
        return nextSeq;
    }

    Entry at(long seq) {
        return ring[(int) (seq % ring.length)];
    }

    /** Forgets the entry at {@code seq} once it is compacted, so its objects can be collected. */
    void clear(long seq) {
        ring[(int) (seq % ring.length)] = null;
    }

    /** Calls {@code action} for every retained entry with a revision greater than {@code revision}, in order. */
    void forEachAfter(long revision, Consumer<Entry> action) {
        long low = oldestSeq();
        long high = nextSeq;
        while (low < high) {
            long mid = (low + high) >>> 1;
            Entry entry = at(mid);
            // Cleared entries are compacted, older than any revision a watch may start after.
            if (entry != null && entry.revision() > revision) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        for (long seq = low; seq < nextSeq; seq++) {
            Entry entry = at(seq);
            if (entry != null) {
                action.accept(entry);
            }
        }
    }
}
