package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Serialises stored objects, remembering the bytes of recently written ones by identity. Objects are
 * immutable, so the store hands the same instance to every watcher and every list: a change seen by
 * 100 watchers is encoded once. Thread-safe; a lost race only costs one extra encoding.
 */
final class ObjectWriter {
    private record Entry(Object object, byte[] bytes) {}

    private final AtomicReferenceArray<Entry> recent;
    private final int mask;

    ObjectWriter(int slots) {
        int size = Integer.highestOneBit(Math.max(16, slots - 1) << 1);
        this.recent = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    byte[] bytes(ApiObject object) {
        int slot = System.identityHashCode(object) & mask;
        Entry entry = recent.get(slot);
        if (entry != null && entry.object == object) {
            return entry.bytes;
        }
        byte[] bytes = Json.write(object);
        recent.set(slot, new Entry(object, bytes));
        return bytes;
    }
}
