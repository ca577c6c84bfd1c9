package io.steersman.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's labels/selector_test.go, case for case where the Java API allows. */
class SelectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"})
    void goodStringsParseAndPrintBackWithoutSpaces(String input) {
        assertThat(Selector.parse(input).toString()).isEqualTo(input.replace(" ", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=a||y=b", "x==a==b", "!x=a", "x<a"})
    void badStringsAreRefused(String input) {
        assertThatThrownBy(() -> Selector.parse(input)).isInstanceOf(SelectorParseException.class);
    }

    @Test
    void parseIsDeterministic() {
        assertThat(Selector.parse("x=a,a=x").toString()).isEqualTo(Selector.parse("a=x,x=a").toString());
    }

    record Match(String selector, Map<String, String> labels, boolean matches) {}

    static Stream<Match> matches() {
        Map<String, String> labelset = Map.of("foo", "bar", "baz", "blah");
        return Stream.of(
                new Match("", Map.of("x", "y"), true),
                new Match("x=y", Map.of("x", "y"), true),
                new Match("x=y,z=w", Map.of("x", "y", "z", "w"), true),
                new Match("x!=y,z!=w", Map.of("x", "z", "z", "a"), true),
                new Match("notin=in", Map.of("notin", "in"), true),
                new Match("x", Map.of("x", "z"), true),
                new Match("!x", Map.of("y", "z"), true),
                new Match("x>1", Map.of("x", "2"), true),
                new Match("x<1", Map.of("x", "0"), true),
                new Match("x=z", Map.of(), false),
                new Match("x=y", Map.of("x", "z"), false),
                new Match("x=y,z=w", Map.of("x", "w", "z", "w"), false),
                new Match("x!=y,z!=w", Map.of("x", "z", "z", "w"), false),
                new Match("x", Map.of("y", "z"), false),
                new Match("!x", Map.of("x", "z"), false),
                new Match("x>1", Map.of("x", "0"), false),
                new Match("x<1", Map.of("x", "2"), false),
                new Match("foo=bar", labelset, true),
                new Match("baz=blah", labelset, true),
                new Match("foo=bar,baz=blah", labelset, true),
                new Match("foo=blah", labelset, false),
                new Match("baz=bar", labelset, false),
                new Match("foo=bar,foobar=bar,baz=blah", labelset, false),
                // TestRequirementSelectorMatching
                new Match("x in (foo),y notin (alpha)", Map.of("x", "foo", "y", "baz"), true),
                new Match("x in (foo),y in (alpha)", Map.of("x", "foo", "y", "baz"), false),
                new Match("x notin (),y", Map.of("y", ""), true),
                new Match("!x,y", Map.of("y", ""), true),
                new Match("x notin (),!y", Map.of("y", ""), false),
                new Match("x in ()", Map.of("y", "baz"), false),
                new Match("z>1", Map.of("z", "2"), true),
                new Match("z>1", Map.of("z", "v2"), false));
    }

    @ParameterizedTest
    @MethodSource("matches")
    void matchesAsUpstream(Match row) {
        assertThat(Selector.parse(row.selector()).matches(row.labels())).as(row.selector()).isEqualTo(row.matches());
    }

    record Parsed(String input, String canonical) {}

    /** TestSetSelectorParser's valid rows, with the canonical string of upstream's expected selector. */
    static Stream<Parsed> validSetSelectors() {
        return Stream.of(
                new Parsed("", ""),
                new Parsed("\rx", "x"),
                new Parsed("this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"),
                new Parsed("this-is-another-dns.domain.com/key-with-dash in (so,what)",
                        "this-is-another-dns.domain.com/key-with-dash in (so,what)"),
                new Parsed("0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"),
                new Parsed("foo  in\t (abc)", "foo in (abc)"),
                new Parsed("x notin\n (abc)", "x notin (abc)"),
                new Parsed("x  notin\t\t\t(abc,def)", "x notin (abc,def)"),
                new Parsed("x in (abc,def)", "x in (abc,def)"),
                new Parsed("x in (abc,)", "x in (,abc)"),
                new Parsed("x in ()", "x in ()"),
                new Parsed("x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"),
                new Parsed("x,y in (a)", "x,y in (a)"),
                new Parsed("x=a", "x=a"),
                new Parsed("x>1", "x>1"),
                new Parsed("x<7", "x<7"),
                new Parsed("x=a,y!=b", "x=a,y!=b"),
                new Parsed("x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"),
                new Parsed("x notin ( )", "x notin ()"),
                new Parsed("x notin (, a)", "x notin (,a)"),
                new Parsed("a ", "a"),
                new Parsed("a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"));
    }

    @ParameterizedTest
    @MethodSource("validSetSelectors")
    void setBasedSyntaxParses(Parsed row) {
        assertThat(Selector.parse(row.input()).toString()).isEqualTo(row.canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=a||y=b", "x,,y", ",x,y", "x nott in (y)", "a in (xyz),", "a in (xyz)b notin ()",
        "a in (xyz abc)", "a notin(", "a (", "("})
    void malformedSetBasedSyntaxIsRefused(String input) {
        assertThatThrownBy(() -> Selector.parse(input)).isInstanceOf(SelectorParseException.class);
    }

    @Test
    void parsedValuesOfASetAreSortedWithoutDuplicates() {
        Requirement r = Selector.parse("x notin (abc,,def)").requirements().get(0);
        assertThat(r.operator()).isEqualTo(Operator.NOT_IN);
        assertThat(r.values()).containsExactly("", "abc", "def");
    }

    record Bad(String input, String message) {}

    static Stream<Bad> errorMessages() {
        return Stream.of(
                new Bad("x=a||y=b", "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be an empty "
                        + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
                new Bad("!x=a", "found '=', expected: ',' or 'end of string'"),
                new Bad("x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"),
                new Bad(",x", "found ',', expected: !, identifier, or 'end of string'"),
                new Bad("x,", "found '', expected: identifier after ','"),
                new Bad("a (", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"),
                new Bad("a in (xyz abc)", "unable to parse requirement: found 'abc', expected: ',' or ')'"),
                new Bad("a/b/c", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of "
                        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
    }

    @ParameterizedTest
    @MethodSource("errorMessages")
    void errorsNameTheProblemInUpstreamWords(Bad row) {
        assertThatThrownBy(() -> Selector.parse(row.input())).hasMessage(row.message());
    }

    record Constructor(String key, Operator op, List<String> values, String error) {}

    static Stream<Constructor> requirementConstructor() {
        String long254 = "a".repeat(254);
        return Stream.of(
                new Constructor("x1", Operator.IN, List.of(), "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
                new Constructor("x2", Operator.NOT_IN, List.of(), "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
                new Constructor("x3", Operator.IN, List.of("foo"), null),
                new Constructor("x4", Operator.NOT_IN, List.of("foo"), null),
                new Constructor("x5", Operator.EQUALS, List.of("bar", "foo"),
                        "values: Invalid value: []string{\"bar\", \"foo\"}: exact-match compatibility requires one single value"),
                new Constructor("x6", Operator.EXISTS, List.of(), null),
                new Constructor("x7", Operator.DOES_NOT_EXIST, List.of(), null),
                new Constructor("x8", Operator.EXISTS, List.of("foo"),
                        "values: Invalid value: []string{\"foo\"}: values set must be empty for exists and does not exist"),
                new Constructor("x9", Operator.IN, List.of("bar"), null),
                new Constructor("x11", Operator.GREATER_THAN, List.of("1"), null),
                new Constructor("x12", Operator.LESS_THAN, List.of("6"), null),
                new Constructor("x13", Operator.GREATER_THAN, List.of(),
                        "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required"),
                new Constructor("x14", Operator.GREATER_THAN, List.of("bar"),
                        "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"),
                new Constructor(long254, Operator.EXISTS, List.of(), "key: Invalid value: \"" + long254
                        + "\": name part must be no more than 63 characters"),
                new Constructor("x16", Operator.EQUALS, List.of(long254), "values[0][x16]: Invalid value: \"" + long254
                        + "\": must be no more than 63 characters"),
                new Constructor("1foo", Operator.IN, List.of("bar"), null),
                new Constructor("1234", Operator.IN, List.of("bar"), null));
    }

    @ParameterizedTest
    @MethodSource("requirementConstructor")
    void requirementsFollowNewRequirementRules(Constructor row) {
        if (row.error() == null) {
            assertThat(Requirement.of(row.key(), row.op(), row.values()).key()).isEqualTo(row.key());
        } else {
            assertThatThrownBy(() -> Requirement.of(row.key(), row.op(), row.values()))
                    .isInstanceOf(SelectorParseException.class)
                    .hasMessageStartingWith(row.error());
        }
    }

    @Test
    void requirementsPrintAsUpstreamToString() {
        assertThat(Selector.of(List.of(
                Requirement.of("x", Operator.IN, List.of("def", "abc")),
                Requirement.of("y", Operator.NOT_IN, List.of("jkl")),
                Requirement.of("z", Operator.EXISTS, List.of()))).toString()).isEqualTo("x in (abc,def),y notin (jkl),z");
        assertThat(Selector.of(List.of(
                Requirement.of("x", Operator.NOT_IN, List.of("abc", "def")),
                Requirement.of("y", Operator.NOT_EQUALS, List.of("jkl")),
                Requirement.of("z", Operator.DOES_NOT_EXIST, List.of()))).toString()).isEqualTo("x notin (abc,def),y!=jkl,!z");
        assertThat(Selector.of(List.of(
                Requirement.of("x", Operator.EQUALS, List.of("abc")),
                Requirement.of("y", Operator.DOUBLE_EQUALS, List.of("jkl")),
                Requirement.of("z", Operator.NOT_EQUALS, List.of("a")),
                Requirement.of("z", Operator.EXISTS, List.of()))).toString()).isEqualTo("x=abc,y==jkl,z!=a,z");
        assertThat(Selector.of(List.of(
                Requirement.of("x", Operator.GREATER_THAN, List.of("2")),
                Requirement.of("y", Operator.LESS_THAN, List.of("8")),
                Requirement.of("z", Operator.EXISTS, List.of()))).toString()).isEqualTo("x>2,y<8,z");
    }

    record Exact(Selector selector, String label, String value) {}

    static Stream<Exact> exactMatches() {
        Requirement keyInValue = Requirement.of("key", Operator.IN, List.of("value"));
        return Stream.of(
                new Exact(Selector.of(List.of(keyInValue)), "key", "value"),
                new Exact(Selector.of(List.of(Requirement.of("key", Operator.IN, List.of("value", "value2")))), "key", null),
                new Exact(Selector.of(List.of(Requirement.of("key", Operator.IN, List.of("value", "value1")),
                        Requirement.of("key2", Operator.IN, List.of("value2")))), "key2", "value2"),
                new Exact(Selector.of(List.of(Requirement.of("key", Operator.EQUALS, List.of("value")))), "key", "value"),
                new Exact(Selector.of(List.of(Requirement.of("key", Operator.DOUBLE_EQUALS, List.of("value")))), "key", "value"),
                new Exact(Selector.of(List.of(Requirement.of("key", Operator.NOT_EQUALS, List.of("value")))), "key", null),
                new Exact(Selector.of(List.of(keyInValue, Requirement.of("key2", Operator.IN, List.of("value2")))), "key", "value"));
    }

    @ParameterizedTest
    @MethodSource("exactMatches")
    void requiresExactMatchAsUpstream(Exact row) {
        assertThat(row.selector().requiresExactMatch(row.label()).orElse(null)).isEqualTo(row.value());
    }

    @Test
    void equalitiesExposeWhatAnIndexCanNarrowBy() {
        Selector s = Selector.parse("app=web,tier in (front),env in (a,b),!canary,zone!=x");
        assertThat(s.equalities()).isEqualTo(Map.of("app", "web", "tier", "front"));
        assertThat(Selector.everything().equalities()).isEmpty();
        assertThat(Selector.nothing().equalities()).isEmpty();
    }

    @Test
    void everythingAndNothing() {
        assertThat(Selector.everything().matches(Map.of("x", "y"))).isTrue();
        assertThat(Selector.everything().isEverything()).isTrue();
        assertThat(Selector.parse("").isEverything()).isTrue();
        assertThat(Selector.nothing().matches(Map.of())).isFalse();
        assertThat(Selector.nothing().isEverything()).isFalse();
    }

    @Test
    void labelSelectorNullSelectsNothingAndEmptySelectsEverything() {
        assertThat(Selector.from(null).matches(Map.of())).isFalse();
        assertThat(Selector.from(new LabelSelector(null, null, null)).isEverything()).isTrue();
    }

    @Test
    void labelSelectorAndsMatchLabelsAndExpressions() {
        Selector s = Selector.from(new LabelSelector(Map.of("app", "web"), List.of(
                new LabelSelectorRequirement("tier", "In", List.of("front", "back"), null),
                new LabelSelectorRequirement("env", "NotIn", List.of("dev"), null),
                new LabelSelectorRequirement("track", "Exists", null, null),
                new LabelSelectorRequirement("canary", "DoesNotExist", null, null)), null));
        assertThat(s.toString()).isEqualTo("app=web,!canary,env notin (dev),tier in (back,front),track");
        assertThat(s.matches(Map.of("app", "web", "tier", "front", "track", "stable"))).isTrue();
        assertThat(s.matches(Map.of("app", "web", "tier", "front", "track", "stable", "canary", "1"))).isFalse();
        assertThat(s.matches(Map.of("app", "web", "tier", "front", "track", "stable", "env", "dev"))).isFalse();
        assertThat(s.matches(Map.of("app", "web", "tier", "middle", "track", "stable"))).isFalse();
        assertThat(s.equalities()).isEqualTo(Map.of("app", "web"));
    }

    @Test
    void labelSelectorWithAnUnknownOperatorIsRefused() {
        LabelSelector bad = new LabelSelector(null, List.of(new LabelSelectorRequirement("a", "Gt", List.of("1"), null)), null);
        assertThatThrownBy(() -> Selector.from(bad)).isInstanceOf(SelectorParseException.class)
                .hasMessage("\"Gt\" is not a valid label selector operator");
    }

    @Test
    void labelSelectorWithAnEmptyInSetIsRefused() {
        LabelSelector bad = new LabelSelector(null, List.of(new LabelSelectorRequirement("a", "In", List.of(), null)), null);
        assertThatThrownBy(() -> Selector.from(bad)).hasMessageContaining("values set can't be empty");
    }

    @Test
    void selectorFromSetMatchesExactly() {
        Map<String, String> labelset = Map.of("foo", "bar", "baz", "blah");
        assertThat(Selector.fromSet(Map.of()).matches(labelset)).isTrue();
        assertThat(Selector.fromSet(Map.of("foo", "bar")).matches(labelset)).isTrue();
        assertThat(Selector.fromSet(Map.of("foo", "bar", "baz", "blah")).matches(labelset)).isTrue();
        assertThat(Selector.fromSet(Map.of("foo", "bar", "baz", "blah", "x", "y")).matches(labelset)).isFalse();
        assertThat(Selector.fromSet(Map.of("foo", "bar", "baz", "blah")).toString()).isEqualTo("baz=blah,foo=bar");
    }

    @Test
    void addAndsRequirementsAsUpstream() {
        Selector s = Selector.everything().add(Requirement.of("key", Operator.IN, List.of("value")));
        assertThat(s.toString()).isEqualTo("key in (value)");
        Selector more = s.add(Requirement.of("a", Operator.EQUALS, List.of("b")));
        assertThat(more.toString()).isEqualTo("a=b,key in (value)");
        assertThat(s.toString()).isEqualTo("key in (value)");
        assertThat(Selector.nothing().add(Requirement.of("a", Operator.EXISTS, List.of()))).isSameAs(Selector.nothing());
    }
}
