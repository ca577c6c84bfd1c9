package io.steersman.core.informer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One index of an informer cache: index value to the keys of the objects that have it. Written only
 * by the informer (under its lock); read by any thread without locking, so a reader may see an
 * object a moment before or after the cache does — callers re-check what they read.
 */
final class Index<T> {
    private final String name;
    private final Function<T, ?> source;
    private final Function<T, Collection<String>> values;
    private final Map<String, Set<String>> keysByValue = new ConcurrentHashMap<>();

    /**
     * {@code source} is the part of an object its index values come from (its labels, say): when an
     * update leaves it equal, the values are not computed again.
     */
    Index(String name, Function<T, ?> source, Function<T, Collection<String>> values) {
        this.name = name;
        this.source = source;
        this.values = values;
    }

    String name() {
        return name;
    }

    void update(String key, T oldObject, T newObject) {
        if (oldObject != null && newObject != null && Objects.equals(source.apply(oldObject), source.apply(newObject))) {
            return; // most updates (status, a binding) change nothing an index looks at
        }
        Collection<String> oldValues = oldObject == null ? List.of() : values.apply(oldObject);
        Collection<String> newValues = newObject == null ? List.of() : values.apply(newObject);
        if (oldValues.equals(newValues)) {
            return;
        }
        for (String value : oldValues) {
            if (!newValues.contains(value)) {
                keysByValue.computeIfPresent(value, (v, keys) -> {
                    keys.remove(key);
                    return keys.isEmpty() ? null : keys;
                });
            }
        }
        for (String value : newValues) {
            keysByValue.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    /** The keys with {@code value}; a live view, possibly empty. */
    Set<String> keys(String value) {
        Set<String> keys = keysByValue.get(value);
        return keys == null ? Set.of() : keys;
    }

    void clear() {
        keysByValue.clear();
    }
}
