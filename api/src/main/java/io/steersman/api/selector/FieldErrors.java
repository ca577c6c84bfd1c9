package io.steersman.api.selector;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Upstream's {@code field.Error} and aggregate error strings, for the messages selectors throw. */
final class FieldErrors {
    private FieldErrors() {}

    /** {@code <field>: Invalid value: <value>: <detail>}. */
    static String invalid(String field, String renderedValue, String detail) {
        return field + ": Invalid value: " + renderedValue + ": " + detail;
    }

    static String quote(String s) {
        return '"' + s + '"';
    }

    /** How Go's {@code %#v} prints a {@code []string}. */
    static String goStrings(List<String> values) {
        return values.stream().map(FieldErrors::quote).collect(Collectors.joining(", ", "[]string{", "}"));
    }

    /** {@code utilerrors.NewAggregate(...).Error()}: one message alone, several in brackets, duplicates once. */
    static String aggregate(List<String> messages) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(messages));
        return distinct.size() == 1 ? distinct.get(0) : "[" + String.join(", ", distinct) + "]";
    }
}
