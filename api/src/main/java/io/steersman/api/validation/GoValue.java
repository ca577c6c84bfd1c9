package io.steersman.api.validation;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bad value printed the way upstream's field errors print it (Go's {@code %#v} for structs, maps
 * and slices), because kubectl shows these strings: {@code Invalid value: map[string]string{"app":"web"}}.
 */
record GoValue(String rendered) {

    @Override
    public String toString() {
        return rendered;
    }

    static GoValue labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return new GoValue("map[string]string(nil)");
        }
        return new GoValue(new TreeMap<>(labels).entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(", ", "map[string]string{", "}")));
    }

    static GoValue strings(List<String> values) {
        if (values.isEmpty()) {
            return new GoValue("[]string(nil)");
        }
        return new GoValue(values.stream().map(GoValue::quote).collect(Collectors.joining(", ", "[]string{", "}")));
    }

    /** {@code intstr.IntOrString} has no value-receiver String(), so upstream prints the struct. */
    static GoValue intOrString(IntOrString value) {
        if (value == null) {
            return new GoValue("intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}");
        }
        return value.isInt()
                ? new GoValue("intstr.IntOrString{Type:0, IntVal:" + value.intValue() + ", StrVal:\"\"}")
                : new GoValue("intstr.IntOrString{Type:1, IntVal:0, StrVal:" + quote(value.strValue()) + "}");
    }

    static GoValue labelSelector(LabelSelector selector) {
        if (selector == null) {
            return new GoValue("null");
        }
        String matchLabels = selector.matchLabels().isEmpty() ? "map[string]string(nil)" : labels(selector.matchLabels()).rendered();
        String expressions = selector.matchExpressions().isEmpty()
                ? "[]v1.LabelSelectorRequirement(nil)"
                : selector.matchExpressions().stream().map(GoValue::requirement)
                        .collect(Collectors.joining(", ", "[]v1.LabelSelectorRequirement{", "}"));
        return new GoValue("v1.LabelSelector{MatchLabels:" + matchLabels + ", MatchExpressions:" + expressions + "}");
    }

    private static String requirement(LabelSelectorRequirement r) {
        return "v1.LabelSelectorRequirement{Key:" + quote(r.key()) + ", Operator:" + quote(r.operator()) + ", Values:"
                + strings(r.values()).rendered() + "}";
    }

    static String quote(String s) {
        return '"' + (s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
    }
}
