package io.steersman.core.store;

import io.steersman.api.selector.FieldSelector;
import io.steersman.api.selector.Selector;
import java.util.Map;
import java.util.Optional;

/** Equality selectors for tests (the parsers live in api.selector; the store only needs the interfaces). */
final class TestSelectors {
    private TestSelectors() {}

    static Selector label(String key, String value) {
        return new Selector() {
            @Override public boolean matches(Map<String, String> labels) { return value.equals(labels.get(key)); }
            @Override public boolean isEverything() { return false; }
            @Override public String toString() { return key + "=" + value; }
        };
    }

    static FieldSelector field(String field, String value) {
        return new FieldSelector() {
            @Override public boolean matches(Map<String, String> fields) { return value.equals(fields.get(field)); }
            @Override public boolean isEverything() { return false; }
            @Override public Optional<String> requiresExactMatch(String asked) { return asked.equals(field) ? Optional.of(value) : Optional.empty(); }
            @Override public String toString() { return field + "=" + value; }
        };
    }
}
