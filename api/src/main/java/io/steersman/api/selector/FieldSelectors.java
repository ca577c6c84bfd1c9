package io.steersman.api.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Upstream's field selector parser and the implementations behind {@link FieldSelector}. */
final class FieldSelectors {
    private FieldSelectors() {}

    static final FieldSelector EVERYTHING = new FieldSelector() {
        @Override public boolean matches(Map<String, String> fields) { return true; }
        @Override public boolean isEverything() { return true; }
        @Override public String toString() { return ""; }
    };

    private static final String[] TERM_OPERATORS = {"!=", "==", "="};

    static FieldSelector parse(String selector) {
        if (selector == null) {
            return EVERYTHING;
        }
        List<String> parts = splitTerms(selector);
        Collections.sort(parts);
        List<FieldSelector.Term> terms = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            String[] split = splitTerm(part);
            if (split == null) {
                throw new SelectorParseException("invalid selector: '" + selector + "'; can't understand '" + part + "'");
            }
            terms.add(new FieldSelector.Term(split[0], !split[1].equals("!="), unescapeValue(split[2])));
        }
        return terms.isEmpty() ? EVERYTHING : new AndSelector(terms);
    }

    static FieldSelector fromSet(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return EVERYTHING;
        }
        List<FieldSelector.Term> terms = new ArrayList<>();
        new TreeMap<>(fields).forEach((k, v) -> terms.add(new FieldSelector.Term(k, true, v)));
        return new AndSelector(terms);
    }

    /** Splits on commas that are not escaped by a backslash; the empty string has no terms. */
    static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean inSlash = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (inSlash) {
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /**
     * {@code [lhs, op, rhs]} at the first operator (no escaping on the left side), or null; the
     * right side is returned as written.
     */
    static String[] splitTerm(String term) {
        for (int i = 0; i < term.length(); i++) {
            for (String op : TERM_OPERATORS) {
                if (term.startsWith(op, i)) {
                    return new String[] {term.substring(0, i), op, term.substring(i + op.length())};
                }
            }
        }
        return null;
    }

    /** Escapes {@code \}, {@code ,} and {@code =} with a backslash. */
    static String escapeValue(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The inverse of {@link #escapeValue}; other escapes and bare {@code ,} or {@code =} are errors. */
    static String unescapeValue(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf(',') < 0 && s.indexOf('=') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inSlash = false;
        for (int i = 0; i < s.length(); i++) {
            int c = s.codePointAt(i);
            if (Character.isSupplementaryCodePoint(c)) {
                i++;
            }
            if (inSlash) {
                if (c == '\\' || c == ',' || c == '=') {
                    out.appendCodePoint(c);
                } else {
                    throw new SelectorParseException("invalid field selector: invalid escape sequence: \\" + Character.toString(c));
                }
                inSlash = false;
                continue;
            }
            if (c == '\\') {
                inSlash = true;
            } else if (c == ',' || c == '=') {
                // upstream prints the rune with %v, which is its code point
                throw new SelectorParseException("invalid field selector: unescaped character in value: " + c);
            } else {
                out.appendCodePoint(c);
            }
        }
        if (inSlash) {
            throw new SelectorParseException("invalid field selector: invalid escape sequence: \\");
        }
        return out.toString();
    }

    /** A non-empty AND of terms. */
    static final class AndSelector implements FieldSelector {
        private final List<Term> terms;

        AndSelector(List<Term> terms) {
            this.terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(Map<String, String> fields) {
            Map<String, String> present = fields == null ? Map.of() : fields;
            for (Term t : terms) {
                if (!t.matches(present)) {
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
        public List<Term> terms() {
            return terms;
        }

        @Override
        public String toString() {
            return terms.stream().map(Term::toString).collect(Collectors.joining(","));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AndSelector s && terms.equals(s.terms);
        }

        @Override
        public int hashCode() {
            return terms.hashCode();
        }
    }
}
