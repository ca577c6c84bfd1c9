package io.steersman.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's fields/selector_test.go. */
class FieldSelectorTest {

    record Split(String selector, List<String> terms) {}

    static Stream<Split> splitTerms() {
        return Stream.of(
                new Split("a", List.of("a")),
                new Split("a=avalue", List.of("a=avalue")),
                new Split("a=avalue,b=bvalue", List.of("a=avalue", "b=bvalue")),
                new Split("a=avalue,b==bvalue,c!=cvalue", List.of("a=avalue", "b==bvalue", "c!=cvalue")),
                new Split("", List.of()),
                new Split("a=a,", List.of("a=a", "")),
                new Split(",a=a", List.of("", "a=a")),
                new Split("k=\\,,k2=v2", List.of("k=\\,", "k2=v2")),
                new Split("k=\\\\,k2=v2", List.of("k=\\\\", "k2=v2")),
                new Split("k=\\\\\\,,k2=v2", List.of("k=\\\\\\,", "k2=v2")),
                new Split("k=\\a\\b\\", List.of("k=\\a\\b\\")),
                new Split("k=\\", List.of("k=\\")),
                new Split("함=수,목=록", List.of("함=수", "목=록")));
    }

    @ParameterizedTest
    @MethodSource("splitTerms")
    void splitsOnUnescapedCommas(Split row) {
        assertThat(FieldSelectors.splitTerms(row.selector())).isEqualTo(row.terms());
    }

    record Term(String term, String lhs, String op, String rhs) {}

    static Stream<Term> splitTerm() {
        return Stream.of(
                new Term("a=value", "a", "=", "value"),
                new Term("b==value", "b", "==", "value"),
                new Term("c!=value", "c", "!=", "value"),
                new Term("", null, null, null),
                new Term("a", null, null, null),
                new Term("k=\\,", "k", "=", "\\,"),
                new Term("k=\\=", "k", "=", "\\="),
                new Term("k=\\\\\\a\\b\\=\\,\\", "k", "=", "\\\\\\a\\b\\=\\,\\"),
                new Term("함=수", "함", "=", "수"));
    }

    @ParameterizedTest
    @MethodSource("splitTerm")
    void splitsATermAtTheFirstOperator(Term row) {
        String[] split = FieldSelectors.splitTerm(row.term());
        if (row.lhs() == null) {
            assertThat(split).isNull();
        } else {
            assertThat(Arrays.asList(split)).containsExactly(row.lhs(), row.op(), row.rhs());
        }
    }

    @Test
    void escapeAndUnescapeAreInverse() {
        Map<String, String> cases = Map.of("", "", "a", "a", "=", "\\=", ",", "\\,", "\\", "\\\\", "\\=\\,\\", "\\\\\\=\\\\\\,\\\\");
        cases.forEach((unescaped, escaped) -> {
            assertThat(FieldSelectors.escapeValue(unescaped)).isEqualTo(escaped);
            assertThat(FieldSelectors.unescapeValue(escaped)).isEqualTo(unescaped);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\", "\\\\\\", "\\a"})
    void invalidEscapeSequencesAreRefused(String value) {
        assertThatThrownBy(() -> FieldSelectors.unescapeValue(value)).isInstanceOf(SelectorParseException.class)
                .hasMessageContaining("invalid escape sequence");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=a,y=b,z=c", "", "x!=a,y=b", "x=a||y\\=b", "x=a\\=\\=b"})
    void goodStringsPrintBackUnchanged(String input) {
        assertThat(FieldSelector.parse(input).toString()).isEqualTo(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=a||y=b", "x==a==b", "x=a,b", "x in (a)", "x in (a,b,c)", "x"})
    void badStringsAreRefused(String input) {
        assertThatThrownBy(() -> FieldSelector.parse(input)).isInstanceOf(SelectorParseException.class);
    }

    @Test
    void errorsUseUpstreamWords() {
        assertThatThrownBy(() -> FieldSelector.parse("x=a,b")).hasMessage("invalid selector: 'x=a,b'; can't understand 'b'");
        assertThatThrownBy(() -> FieldSelector.parse("x==a==b"))
                .hasMessage("invalid field selector: unescaped character in value: 61");
    }

    @Test
    void parseIsDeterministic() {
        assertThat(FieldSelector.parse("x=a,a=x").toString()).isEqualTo(FieldSelector.parse("a=x,x=a").toString());
    }

    record Match(String selector, Map<String, String> fields, boolean matches) {}

    static Stream<Match> matches() {
        Map<String, String> fieldset = Map.of("foo", "bar", "baz", "blah", "complex", "=value\\,\\");
        return Stream.of(
                new Match("", Map.of("x", "y"), true),
                new Match("x=y", Map.of("x", "y"), true),
                new Match("x=y,z=w", Map.of("x", "y", "z", "w"), true),
                new Match("x!=y,z!=w", Map.of("x", "z", "z", "a"), true),
                new Match("notin=in", Map.of("notin", "in"), true),
                new Match("x=y", Map.of("x", "z"), false),
                new Match("x=y,z=w", Map.of("x", "w", "z", "w"), false),
                new Match("x!=y,z!=w", Map.of("x", "z", "z", "w"), false),
                new Match("foo=bar", fieldset, true),
                new Match("baz=blah", fieldset, true),
                new Match("foo=bar,baz=blah", fieldset, true),
                new Match("foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\", fieldset, true),
                new Match("foo=blah", fieldset, false),
                new Match("baz=bar", fieldset, false),
                new Match("foo=bar,foobar=bar,baz=blah", fieldset, false),
                // a field the object does not have reads as the empty string
                new Match("spec.nodeName=", Map.of(), true),
                new Match("spec.nodeName!=", Map.of(), false));
    }

    @ParameterizedTest
    @MethodSource("matches")
    void matchesAsUpstream(Match row) {
        assertThat(FieldSelector.parse(row.selector()).matches(row.fields())).as(row.selector()).isEqualTo(row.matches());
    }

    @Test
    void oneTermAndSetSelectors() {
        assertThat(FieldSelector.oneTermEqual("x", "y").matches(Map.of("x", "y"))).isTrue();
        assertThat(FieldSelector.oneTermEqual("x", "y").matches(Map.of("x", "z"))).isFalse();
        Map<String, String> labelset = Map.of("foo", "bar", "baz", "blah");
        assertThat(FieldSelector.fromSet(Map.of()).matches(labelset)).isTrue();
        assertThat(FieldSelector.fromSet(Map.of("foo", "bar", "baz", "blah")).matches(labelset)).isTrue();
        assertThat(FieldSelector.fromSet(Map.of("foo", "=blah")).matches(labelset)).isFalse();
        assertThat(FieldSelector.fromSet(Map.of("foo", "=bar", "foobar", "bar", "baz", "blah")).matches(labelset)).isFalse();
    }

    @Test
    void exactMatchesLetAStoreLookUpByName() {
        FieldSelector f = FieldSelector.parse("status.phase!=Failed,metadata.name=web-0,metadata.namespace==default");
        assertThat(f.requiresExactMatch("metadata.name")).contains("web-0");
        assertThat(f.requiresExactMatch("metadata.namespace")).contains("default");
        assertThat(f.requiresExactMatch("status.phase")).isEmpty();
        assertThat(f.equalities()).isEqualTo(Map.of("metadata.name", "web-0", "metadata.namespace", "default"));
        assertThat(FieldSelector.parse("test=").requiresExactMatch("test")).contains("");
        assertThat(FieldSelector.everything().requiresExactMatch("test")).isEmpty();
    }
}
