package io.steersman.api.model;

import java.util.List;
import java.util.Map;

/** Canonical immutable copies for the collections records hold: never null, empty is shared. */
public final class Values {
    private Values() {}

    public static <T> List<T> list(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : List.copyOf(list);
    }

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Map.copyOf(map);
    }
}
