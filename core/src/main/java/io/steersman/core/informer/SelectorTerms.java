package io.steersman.core.informer;

import io.steersman.api.selector.Selector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The equality requirements of a label selector ({@code app=web}, {@code app==web},
 * {@code app in (web)}), read from its string form, which the {@link Selector} contract fixes to
 * upstream's syntax. The cache uses them to narrow candidates through the label index before it
 * runs {@link Selector#matches} on each; requirements it does not recognise only widen the scan.
 */
final class SelectorTerms {
    private static final Pattern EQUALS = Pattern.compile("^([^\\s!=<>(),]+)\\s*==?\\s*([^\\s!=<>(),]*)$");
    private static final Pattern IN_ONE = Pattern.compile("^([^\\s!=<>(),]+)\\s+in\\s+\\(\\s*([^\\s!=<>(),]*)\\s*\\)$");

    private SelectorTerms() {}

    /** Label key to the value every match must have; empty when the selector has no equality term. */
    static Map<String, String> equalities(Selector selector) {
        if (selector.isEverything()) {
            return Map.of();
        }
        String text = selector.toString();
        Map<String, String> terms = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                addTerm(text.substring(start, i).trim(), terms);
                start = i + 1;
            }
        }
        return terms;
    }

    private static void addTerm(String term, Map<String, String> terms) {
        Matcher m = EQUALS.matcher(term);
        if (!m.matches()) {
            m = IN_ONE.matcher(term);
            if (!m.matches()) {
                return;
            }
        }
        terms.put(m.group(1), m.group(2));
    }
}
