package io.steersman.api.model;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A JSON object the model keeps untyped, deeply unmodifiable and in its original key order: what
 * {@link Unknown} makes. Being its own class, it is recognised when it comes back (a record rebuilt
 * with the unknown fields of another), so it is shared instead of copied again. Every mutator throws
 * {@link UnsupportedOperationException}, as {@link Collections#unmodifiableMap}'s do. Thread-safe:
 * immutable, safely published through a final field.
 */
final class FrozenMap extends AbstractMap<String, Object> {
    static final FrozenMap EMPTY = new FrozenMap(new LinkedHashMap<>());

    private final Map<String, Object> view;

    /** @param frozen a map nobody else holds, whose values are frozen already */
    FrozenMap(LinkedHashMap<String, Object> frozen) {
        this.view = Collections.unmodifiableMap(frozen);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<Object> values() {
        return view.values();
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public Object get(Object key) {
        return view.get(key);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        return view.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return view.containsValue(value);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        view.forEach(action);
    }

    @Override
    public int hashCode() {
        return view.hashCode();
    }

    // Every mutator throws, as the unmodifiable view's do (AbstractMap's remove would not when the key is absent).

    @Override
    public Object put(String key, Object value) {
        return view.put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return view.remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        view.putAll(m);
    }

    @Override
    public void clear() {
        view.clear();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        view.replaceAll(function);
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        return view.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return view.remove(key, value);
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        return view.replace(key, oldValue, newValue);
    }

    @Override
    public Object replace(String key, Object value) {
        return view.replace(key, value);
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
        return view.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        return view.computeIfPresent(key, remappingFunction);
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        return view.compute(key, remappingFunction);
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        return view.merge(key, value, remappingFunction);
    }
}
