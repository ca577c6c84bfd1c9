package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialises stored objects, remembering the bytes of the latest version of each object. Stored
 * objects are immutable and the store hands out the same instance until the object changes, so a
 * change seen by 100 watchers is encoded once, and listing 10,000 unchanged pods copies bytes
 * instead of encoding them again (encoding costs far more than the list itself). An entry is used
 * only for the very instance it was made from. At most {@code capacity} objects are remembered;
 * past that the memory starts over. Thread-safe; a lost race only costs one extra encoding.
 */
final class ObjectWriter {
    private record Key(Class<?> type, String namespace, String name) {}

    private record Entry(Object object, byte[] bytes) {}

    private final Map<Key, Entry> latest = new ConcurrentHashMap<>();
    private final int capacity;

    ObjectWriter(int capacity) {
        this.capacity = capacity;
    }

    byte[] bytes(ApiObject object) {
        if (object.metadata() == null || object.metadata().name() == null) {
            return Json.write(object);
        }
        Key key = new Key(object.getClass(), object.metadata().namespace(), object.metadata().name());
        Entry entry = latest.get(key);
        if (entry != null && entry.object == object) {
            return entry.bytes;
        }
        byte[] bytes = Json.write(object);
        if (latest.size() >= capacity) {
            latest.clear();
        }
        latest.put(key, new Entry(object, bytes));
        return bytes;
    }
}
