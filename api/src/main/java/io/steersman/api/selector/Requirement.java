package io.steersman.api.selector;

import io.steersman.api.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One term of a label selector: a key, an {@link Operator} and its values, as upstream's
 * {@code labels.Requirement}. Immutable. Build one with {@link #of}, which applies upstream's
 * {@code NewRequirement} rules and names every broken one.
 */
public final class Requirement {
    private final String key;
    private final Operator operator;
    private final List<String> values;

    private Requirement(String key, Operator operator, List<String> values) {
        this.key = key;
        this.operator = operator;
        this.values = List.copyOf(values);
    }

    /**
     * Upstream's {@code NewRequirement}: the key must be a qualified name; In and NotIn need at
     * least one value; =, == and != exactly one; Exists and DoesNotExist none; gt and lt exactly one
     * integer; every value must be a valid label value (the empty string is one).
     *
     * @throws SelectorParseException listing every broken rule in upstream's words
     */
    public static Requirement of(String key, Operator operator, List<String> values) {
        Objects.requireNonNull(operator, "operator");
        List<String> vals = values == null ? List.of() : values;
        List<String> errors = new ArrayList<>();
        List<String> keyErrors = Names.isQualifiedName(key);
        if (!keyErrors.isEmpty()) {
            errors.add(FieldErrors.invalid("key", FieldErrors.quote(key), String.join("; ", keyErrors)));
        }
        switch (operator) {
            case IN, NOT_IN -> {
                if (vals.isEmpty()) {
                    errors.add(FieldErrors.invalid("values", FieldErrors.goStrings(vals),
                            "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (vals.size() != 1) {
                    errors.add(FieldErrors.invalid("values", FieldErrors.goStrings(vals),
                            "exact-match compatibility requires one single value"));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!vals.isEmpty()) {
                    errors.add(FieldErrors.invalid("values", FieldErrors.goStrings(vals),
                            "values set must be empty for exists and does not exist"));
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (vals.size() != 1) {
                    errors.add(FieldErrors.invalid("values", FieldErrors.goStrings(vals),
                            "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (int i = 0; i < vals.size(); i++) {
                    if (parseLong(vals.get(i)) == null) {
                        errors.add(FieldErrors.invalid("values[" + i + "]", FieldErrors.quote(vals.get(i)),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
        }
        for (int i = 0; i < vals.size(); i++) {
            List<String> valueErrors = Names.isValidLabelValue(vals.get(i));
            if (!valueErrors.isEmpty()) {
                errors.add(FieldErrors.invalid("values[" + i + "][" + key + "]", FieldErrors.quote(vals.get(i)),
                        String.join("; ", valueErrors)));
            }
        }
        if (!errors.isEmpty()) {
            throw new SelectorParseException(FieldErrors.aggregate(errors));
        }
        return new Requirement(key, operator, vals);
    }

    /** A requirement whose parts are already known to be valid (from a validated object). */
    static Requirement unchecked(String key, Operator operator, List<String> values) {
        return new Requirement(key, operator, values);
    }

    public String key() {
        return key;
    }

    public Operator operator() {
        return operator;
    }

    /** The values in the order given (for In/NotIn parsed from a string: sorted, without duplicates). */
    public List<String> values() {
        return values;
    }

    /**
     * Upstream's {@code Requirement.Matches}: In and = need the key with one of the values; NotIn and
     * != match a missing key; gt and lt need an integer value.
     */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        boolean has = value != null || labels.containsKey(key);
        return switch (operator) {
            case IN, EQUALS, DOUBLE_EQUALS -> has && values.contains(value);
            case NOT_IN, NOT_EQUALS -> !has || !values.contains(value);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
            case GREATER_THAN, LESS_THAN -> {
                if (!has || values.size() != 1) {
                    yield false;
                }
                Long actual = parseLong(value);
                Long bound = parseLong(values.get(0));
                if (actual == null || bound == null) {
                    yield false;
                }
                yield operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
            }
        };
    }

    /** Upstream's {@code Requirement.String}: {@code x in (a,b)}, {@code x!=a}, {@code !x}; values sorted. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (operator == Operator.DOES_NOT_EXIST) {
            s.append('!');
        }
        s.append(key);
        switch (operator) {
            case EQUALS -> s.append('=');
            case DOUBLE_EQUALS -> s.append("==");
            case NOT_EQUALS -> s.append("!=");
            case IN -> s.append(" in ");
            case NOT_IN -> s.append(" notin ");
            case GREATER_THAN -> s.append('>');
            case LESS_THAN -> s.append('<');
            case EXISTS, DOES_NOT_EXIST -> {
                return s.toString();
            }
        }
        boolean set = operator == Operator.IN || operator == Operator.NOT_IN;
        if (set) {
            s.append('(');
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        s.append(String.join(",", sorted));
        if (set) {
            s.append(')');
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r && key.equals(r.key) && operator == r.operator && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, values);
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign and decimal digits. */
    private static Long parseLong(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
