package io.steersman.api.selector;

import java.util.Map;

/**
 * A parsed label selector: the internal form of both {@code LabelSelector} objects and the
 * {@code a=b,c!=d,e in (x,y),!f} string syntax. Immutable; {@link #matches} is cheap enough to run
 * on every object of a list.
 */
public interface Selector {

    boolean matches(Map<String, String> labels);

    /** True for the selector that selects everything (the empty selector). */
    boolean isEverything();

    /** The selector in the string syntax, as a {@code labelSelector} query parameter carries it. */
    String toString();

    /** The empty selector: selects every object. */
    static Selector everything() {
        return Selectors.EVERYTHING;
    }

    /** The selector that selects nothing (a null LabelSelector in a controller's spec). */
    static Selector nothing() {
        return Selectors.NOTHING;
    }
}
