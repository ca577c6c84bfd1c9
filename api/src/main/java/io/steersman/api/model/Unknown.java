package io.steersman.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the fields of a manifest that the typed model does not know. Every record in the model
 * carries them in a component annotated {@code @JsonAnySetter @JsonAnyGetter}, so what a user
 * applies comes back whole on {@code get}. The copy is deep and unmodifiable, so the object stays
 * immutable; an empty map is the shared {@link Map#of()}, so the common case costs a reference. A
 * map this class made already is not copied again: records rebuilt from another's fields share
 * them.
 */
public final class Unknown {
    private Unknown() {}

    public static Map<String, Object> copy(Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        return freezeMap(fields);
    }

    /**
     * A deep, unmodifiable copy of a JSON object the model keeps whole (a probe handler, an env
     * var's valueFrom), or null when there is none: unlike {@link #copy}, an empty object stays
     * an empty object, so {@code emptyDir: {}}-like values round-trip.
     */
    public static Map<String, Object> freezeOrNull(Map<String, Object> fields) {
        return fields == null ? null : freezeMap(fields);
    }

    /** Deep, unmodifiable copies of a list of JSON objects (conditions or taints kept as JSON); never null. */
    public static List<Map<String, Object>> copyAll(List<Map<String, Object>> objects) {
        if (objects == null || objects.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> copy = new ArrayList<>(objects.size());
        for (Map<String, Object> object : objects) {
            copy.add(freezeOrNull(object));
        }
        return Collections.unmodifiableList(copy);
    }

    /** A deep, unmodifiable copy of a JSON-shaped value (maps, lists, scalars). */
    @SuppressWarnings("unchecked")
    public static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(freeze(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static Map<String, Object> freezeMap(Map<String, Object> map) {
        if (map instanceof FrozenMap frozen) {
            return frozen;
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((key, element) -> copy.put(key, freeze(element)));
        return copy.isEmpty() ? FrozenMap.EMPTY : new FrozenMap(copy);
    }
}
