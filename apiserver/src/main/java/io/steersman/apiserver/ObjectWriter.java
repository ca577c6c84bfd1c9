package io.steersman.apiserver;

import io.steersman.api.model.ApiObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialises stored objects, remembering the bytes of the latest version of each object. Stored
 * objects are immutable and the store hands out the same instance until the object changes, so a
 * change seen by 100 watchers is encoded once, and listing 10,000 unchanged pods copies bytes
 * instead of encoding them again (encoding costs far more than the list itself). An entry is used
 * only for the very instance it was made from. Beside the object's bytes an entry keeps the watch
 * line last made from them, so the 100 watchers of a change also share one line instead of each
 * copying the object into its own. At most {@code capacity} objects are remembered; past that the
 * memory starts over. Thread-safe; a lost race only costs one extra encoding.
 */
final class ObjectWriter {
    private record Key(Class<?> type, String namespace, String name) {}

    /** A watch line and the event type it was made for. */
    private record Line(String type, byte[] bytes) {}

    private static final class Entry {
        final Object object;
        final byte[] bytes;
        /** The line last asked for; watchers of one change ask for the same type. */
        volatile Line line;

        Entry(Object object, byte[] bytes) {
            this.object = object;
            this.bytes = bytes;
        }
    }

    private final Map<Key, Entry> latest = new ConcurrentHashMap<>();
    private final int capacity;

    ObjectWriter(int capacity) {
        this.capacity = capacity;
    }

    byte[] bytes(ApiObject object) {
        Entry entry = entry(object);
        return entry == null ? Json.write(object) : entry.bytes;
    }

    /** The object's watch event line ({@link WatchLines#line}), made once per version and event type. */
    byte[] watchLine(String type, ApiObject object) {
        Entry entry = entry(object);
        if (entry == null) {
            return WatchLines.line(type, Json.write(object));
        }
        Line line = entry.line;
        if (line == null || !line.type.equals(type)) {
            line = new Line(type, WatchLines.line(type, entry.bytes));
            entry.line = line;
        }
        return line.bytes;
    }

    /** The remembered entry of this very instance, made now if there is none; null for objects without a name. */
    private Entry entry(ApiObject object) {
        if (object.metadata() == null || object.metadata().name() == null) {
            return null;
        }
        Key key = new Key(object.getClass(), object.metadata().namespace(), object.metadata().name());
        Entry entry = latest.get(key);
        if (entry != null && entry.object == object) {
            return entry;
        }
        entry = new Entry(object, Json.write(object));
        if (latest.size() >= capacity) {
            latest.clear();
        }
        latest.put(key, entry);
        return entry;
    }
}
