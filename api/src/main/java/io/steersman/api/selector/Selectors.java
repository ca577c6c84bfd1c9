package io.steersman.api.selector;

import java.util.Map;

/** The two constant selectors. */
final class Selectors {
    private Selectors() {}

    static final Selector EVERYTHING = new Selector() {
        @Override public boolean matches(Map<String, String> labels) { return true; }
        @Override public boolean isEverything() { return true; }
        @Override public String toString() { return ""; }
    };

    static final Selector NOTHING = new Selector() {
        @Override public boolean matches(Map<String, String> labels) { return false; }
        @Override public boolean isEverything() { return false; }
        @Override public String toString() { return "<nothing>"; }
    };
}
