package io.steersman.api.selector;

import java.util.Map;

final class FieldSelectors {
    private FieldSelectors() {}

    static final FieldSelector EVERYTHING = new FieldSelector() {
        @Override public boolean matches(Map<String, String> fields) { return true; }
        @Override public boolean isEverything() { return true; }
        @Override public String toString() { return ""; }
    };
}
