package io.steersman.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Samples of upstream's util/validation/validation_test.go. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2"})
    void dns1123LabelsAreAccepted(String value) {
        assertThat(Names.isDNS1123Label(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1",
        "1_2", ".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2"})
    void dns1123LabelsAreRefused(String value) {
        assertThat(Names.isDNS1123Label(value)).isNotEmpty();
    }

    @Test
    void dns1123LabelTooLong() {
        assertThat(Names.isDNS1123Label("a".repeat(63))).isEmpty();
        assertThat(Names.isDNS1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", "a.a", "ab.a",
        "a-1.a", "a.1", "1.a", "0.a", "a.b.c.d.e"})
    void dns1123SubdomainsAreAccepted(String value) {
        assertThat(Names.isDNS1123Subdomain(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "a.B", "-", "-a", "a-", ".", ".a", "a.", "a..b", "a.-b", "a-.b", "a_b", "a b", "a/b", "rā"})
    void dns1123SubdomainsAreRefused(String value) {
        assertThat(Names.isDNS1123Subdomain(value)).isNotEmpty();
    }

    @Test
    void dns1123SubdomainLengthLimit() {
        String name = "a".repeat(61) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63);
        assertThat(name).hasSize(253);
        assertThat(Names.isDNS1123Subdomain(name)).isEmpty();
        assertThat(Names.isDNS1123Subdomain(name + "e")).containsExactly("must be no more than 253 characters");
    }

    @Test
    void dns1123SubdomainMessageIsUpstreams() {
        assertThat(Names.isDNS1123Subdomain("Foo")).containsExactly("a lowercase RFC 1123 subdomain must consist of lower case "
                + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
                + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThat(Names.isDNS1123Subdomain("a".repeat(254))).contains("must be no more than 253 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
        "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple", "1-num.2-num/3-num",
        "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo"})
    void qualifiedNamesAreAccepted(String value) {
        assertThat(Names.isQualifiedName(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc",
        "example_com/abc", "example.com/", "/simple", "a/b/c", ""})
    void qualifiedNamesAreRefused(String value) {
        assertThat(Names.isQualifiedName(value)).isNotEmpty();
    }

    @Test
    void qualifiedNameMessagesAreUpstreams() {
        assertThat(Names.isQualifiedName("/simple")).containsExactly("prefix part must be non-empty");
        assertThat(Names.isQualifiedName("a".repeat(64))).containsExactly("name part must be no more than 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "", "A.B_c-1"})
    void labelValuesAreAccepted(String value) {
        assertThat(Names.isValidLabelValue(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash",
        "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", "a/b", "a b", "a:b", "_a", "a_"})
    void labelValuesAreRefused(String value) {
        assertThat(Names.isValidLabelValue(value)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"})
    void portNamesAreAccepted(String value) {
        assertThat(Names.isValidPortName(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"longerthan15characters", "", "12345", "1-2-3-4", "-begin", "end-", "two--hyphens", "whois++"})
    void portNamesAreRefused(String value) {
        assertThat(Names.isValidPortName(value)).isNotEmpty();
    }

    @Test
    void portNumbers() {
        assertThat(Names.isValidPortNum(1)).isEmpty();
        assertThat(Names.isValidPortNum(65535)).isEmpty();
        assertThat(Names.isValidPortNum(0)).containsExactly("must be between 1 and 65535, inclusive");
        assertThat(Names.isValidPortNum(65536)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A", "1", "a.b", "-a", "_a", "a-_", "..a.b", "a..b"})
    void configMapKeys(String value) {
        boolean expectValid = !value.startsWith("..");
        assertThat(Names.isConfigMapKey(value).isEmpty()).as(value).isEqualTo(expectValid);
    }
}
