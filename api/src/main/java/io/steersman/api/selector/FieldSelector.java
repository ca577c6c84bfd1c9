package io.steersman.api.selector;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed field selector ({@code metadata.name=x,status.phase!=Running}) with upstream's syntax
 * and semantics ({@code k8s.io/apimachinery/pkg/fields}): terms {@code field=value},
 * {@code field==value} or {@code field!=value}, ANDed; a field the object does not have reads as
 * the empty string. In values, {@code \,}, {@code \=} and {@code \\} stand for the characters. It
 * tests the field values a kind exposes (see {@code ResourceType.selectableFields}). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * FieldSelector f = FieldSelector.parse("status.phase!=Failed,metadata.name=web-0");
 * f.requiresExactMatch("metadata.name");   // Optional[web-0]: a store can look the object up
 * }</pre>
 */
public interface FieldSelector {

    boolean matches(Map<String, String> fields);

    boolean isEverything();

    /** The terms, sorted as upstream sorts a parsed selector; empty for {@link #everything()}. */
    default List<Term> terms() {
        return List.of();
    }

    /** Upstream's {@code RequiresExactMatch}: the value an equality term requires for {@code field}. */
    default Optional<String> requiresExactMatch(String field) {
        for (Term t : terms()) {
            if (t.equality() && t.field().equals(field)) {
                return Optional.of(t.value());
            }
        }
        return Optional.empty();
    }

    /** Every field an equality term pins to one value (the first term for a field wins). */
    default Map<String, String> equalities() {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (Term t : terms()) {
            if (t.equality()) {
                result.putIfAbsent(t.field(), t.value());
            }
        }
        return Map.copyOf(result);
    }

    /** The canonical string: terms joined by commas, values escaped, {@code ==} written as {@code =}. */
    String toString();

    static FieldSelector everything() {
        return FieldSelectors.EVERYTHING;
    }

    /**
     * Parses the string syntax as upstream's {@code fields.ParseSelector}; the empty string selects
     * everything.
     *
     * @throws SelectorParseException e.g. {@code invalid selector: 'x'; can't understand 'x'}
     */
    static FieldSelector parse(String selector) {
        return FieldSelectors.parse(selector);
    }

    /** A selector of one equality term, as upstream's {@code OneTermEqualSelector}. */
    static FieldSelector oneTermEqual(String field, String value) {
        return new FieldSelectors.AndSelector(List.of(new Term(field, true, value)));
    }

    /** A selector of equality terms, one per entry, as upstream's {@code SelectorFromSet}. */
    static FieldSelector fromSet(Map<String, String> fields) {
        return FieldSelectors.fromSet(fields);
    }

    /**
     * One term: {@code field=value} when {@code equality}, {@code field!=value} otherwise.
     * {@code value} is unescaped.
     */
    record Term(String field, boolean equality, String value) {
        public Term {
            java.util.Objects.requireNonNull(field, "field");
            java.util.Objects.requireNonNull(value, "value");
        }

        public boolean matches(Map<String, String> fields) {
            String actual = fields.getOrDefault(field, "");
            if (actual == null) {
                actual = "";
            }
            return equality == actual.equals(value);
        }

        @Override
        public String toString() {
            return field + (equality ? "=" : "!=") + FieldSelectors.escapeValue(value);
        }
    }
}
