package io.steersman.controller.deployment;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code metav1.LabelSelectorAsSelector}: a null selector selects nothing, an empty one everything.
 * The string form follows upstream's syntax (requirements sorted by key) so the informer cache
 * can narrow a list through its label index.
 */
final class LabelSelectors {
    private LabelSelectors() {}

    /** The selector for {@code selector}; an unknown operator throws IllegalArgumentException. */
    static Selector of(LabelSelector selector) {
        if (selector == null) {
            return Selector.nothing();
        }
        if (selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty()) {
            return Selector.everything();
        }
        List<Term> terms = new ArrayList<>();
        selector.matchLabels().forEach((k, v) -> terms.add(new Term(k, "In", List.of(v))));
        for (LabelSelectorRequirement r : selector.matchExpressions()) {
            String op = r.operator();
            if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
                throw new IllegalArgumentException("\"" + op + "\" is not a valid label selector operator");
            }
            terms.add(new Term(r.key(), op, List.copyOf(new TreeSet<>(r.values()))));
        }
        terms.sort((a, b) -> a.key().compareTo(b.key()));
        return new TermsSelector(List.copyOf(terms));
    }

    /** True when the selector has neither matchLabels nor matchExpressions. */
    static boolean isEmpty(LabelSelector selector) {
        return selector != null && selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty();
    }

    private record Term(String key, String operator, List<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> labels.containsKey(key);
                default -> !labels.containsKey(key);
            };
        }

        @Override
        public String toString() {
            return switch (operator) {
                case "In" -> values.size() == 1 ? key + "=" + values.get(0) : key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                default -> "!" + key;
            };
        }
    }

    private record TermsSelector(List<Term> terms) implements Selector {
        @Override
        public boolean matches(Map<String, String> labels) {
            for (Term term : terms) {
                if (!term.matches(labels)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean isEverything() {
            return false;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (Term term : terms) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(term);
            }
            return out.toString();
        }
    }
}
