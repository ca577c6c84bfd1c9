package io.steersman.api.selector;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversions from the API's LabelSelector and from label sets, as upstream's metav1 and labels helpers. */
final class LabelSelectors {
    private LabelSelectors() {}

    static Selector asSelector(LabelSelector selector) {
        if (selector == null) {
            return Selector.nothing();
        }
        if (selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty()) {
            return Selector.everything();
        }
        List<Requirement> requirements = new ArrayList<>();
        // sorted so that equal selectors build equal requirement lists (Go's map order is random)
        for (Map.Entry<String, String> e : new TreeMap<>(selector.matchLabels()).entrySet()) {
            requirements.add(Requirement.of(e.getKey(), Operator.EQUALS, List.of(e.getValue())));
        }
        for (LabelSelectorRequirement expr : selector.matchExpressions()) {
            requirements.add(Requirement.of(expr.key(), operator(expr.operator()), expr.values()));
        }
        return new RequirementsSelector(requirements);
    }

    /** The API's operator names; anything else is upstream's error. */
    static Operator operator(String name) {
        if (name != null) {
            switch (name) {
                case "In":
                    return Operator.IN;
                case "NotIn":
                    return Operator.NOT_IN;
                case "Exists":
                    return Operator.EXISTS;
                case "DoesNotExist":
                    return Operator.DOES_NOT_EXIST;
                default:
                    break;
            }
        }
        throw new SelectorParseException('"' + String.valueOf(name) + "\" is not a valid label selector operator");
    }

    static Selector fromSet(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Selector.everything();
        }
        List<Requirement> requirements = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            requirements.add(Requirement.unchecked(e.getKey(), Operator.EQUALS, List.of(e.getValue())));
        }
        return new RequirementsSelector(requirements);
    }
}
