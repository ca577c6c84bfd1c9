package io.steersman.api.selector;

import io.steersman.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed label selector: the internal form of both {@code LabelSelector} objects and the
 * {@code a=b,c!=d,e in (x,y),!f} string syntax, with upstream's semantics
 * ({@code k8s.io/apimachinery/pkg/labels}). Immutable and thread-safe; {@link #matches} is cheap
 * enough to run on every object of a list.
 *
 * <pre>{@code
 * Selector s = Selector.parse("app=web,tier in (front,back),!canary");
 * s.matches(Map.of("app", "web", "tier", "front"));   // true
 * s.toString();                                        // "!canary,app=web,tier in (back,front)"
 * s.equalities();                                      // {app=web}: an index can narrow by it
 * }</pre>
 */
public interface Selector {

    boolean matches(Map<String, String> labels);

    /** True for the selector that selects everything (the empty selector). */
    boolean isEverything();

    /**
     * The selector in the string syntax, as a {@code labelSelector} query parameter carries it:
     * requirements sorted by key, values of a set sorted, as upstream's {@code String()}.
     */
    String toString();

    /** The requirements, sorted by key; empty for {@link #everything()} and {@link #nothing()}. */
    default List<Requirement> requirements() {
        return List.of();
    }

    /**
     * Upstream's {@code RequiresExactMatch}: the single value the selector requires for
     * {@code key} ({@code key=v}, {@code key==v} or {@code key in (v)}), if the first requirement
     * on that key is such an exact match.
     */
    default Optional<String> requiresExactMatch(String key) {
        for (Requirement r : requirements()) {
            if (r.key().equals(key)) {
                boolean exact = r.operator().isEquality() || r.operator() == Operator.IN;
                return exact && r.values().size() == 1 ? Optional.of(r.values().get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Every label the selector requires to have one exact value (see {@link #requiresExactMatch}),
     * so that a label index can narrow its candidates before {@link #matches} checks the rest.
     * Empty when there is no such requirement.
     */
    default Map<String, String> equalities() {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (Requirement r : requirements()) {
            if (!result.containsKey(r.key())) {
                requiresExactMatch(r.key()).ifPresent(v -> result.put(r.key(), v));
            }
        }
        return Map.copyOf(result);
    }

    /**
     * Upstream's {@code Add}: this selector with more requirements ANDed, sorted by key again.
     * {@link #nothing()} stays nothing. Meant for the selectors this package builds.
     */
    default Selector add(Requirement... more) {
        if (this == Selectors.NOTHING) {
            return this;
        }
        List<Requirement> all = new java.util.ArrayList<>(requirements());
        all.addAll(List.of(more));
        return of(all);
    }

    /** The empty selector: selects every object. */
    static Selector everything() {
        return Selectors.EVERYTHING;
    }

    /** The selector that selects nothing (a null LabelSelector in a controller's spec). */
    static Selector nothing() {
        return Selectors.NOTHING;
    }

    /**
     * Parses the string syntax as upstream's {@code labels.Parse}; the empty string selects
     * everything.
     *
     * @throws SelectorParseException naming the problem, in upstream's words
     */
    static Selector parse(String selector) {
        if (selector == null) {
            return everything();
        }
        List<Requirement> requirements = LabelSelectorParser.parse(selector);
        return requirements.isEmpty() ? everything() : new RequirementsSelector(requirements);
    }

    /**
     * Upstream's {@code metav1.LabelSelectorAsSelector}: null selects nothing, an empty selector
     * everything; otherwise matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist), ANDed.
     *
     * @throws SelectorParseException when a key, value or operator breaks upstream's rules
     */
    static Selector from(LabelSelector selector) {
        return LabelSelectors.asSelector(selector);
    }

    /** Upstream's {@code SelectorFromSet}: {@code key=value} for every entry; empty selects everything. */
    static Selector fromSet(Map<String, String> labels) {
        return LabelSelectors.fromSet(labels);
    }

    /** Builds a selector from requirements (ANDed); none selects everything. */
    static Selector of(List<Requirement> requirements) {
        return requirements.isEmpty() ? everything() : new RequirementsSelector(requirements);
    }
}
