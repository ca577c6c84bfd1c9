package io.steersman.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's syntax checks for names, label keys and values, ports and keys
 * ({@code k8s.io/apimachinery/pkg/util/validation}). Each check returns the list of broken rules in
 * upstream's words (empty when the value is valid); callers wrap them into field errors. The
 * messages are API: kubectl prints them. Lengths count UTF-8 bytes, as Go's {@code len} does.
 * Stateless and thread-safe.
 */
public final class Names {
    private Names() {}

    private static final String QNAME_CHAR_FMT = "[A-Za-z0-9]";
    private static final String QNAME_EXT_CHAR_FMT = "[-A-Za-z0-9_.]";
    private static final String QUALIFIED_NAME_FMT = "(" + QNAME_CHAR_FMT + QNAME_EXT_CHAR_FMT + "*)?" + QNAME_CHAR_FMT;
    private static final String QUALIFIED_NAME_ERR_MSG =
            "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    private static final Pattern QUALIFIED_NAME = Pattern.compile("^" + QUALIFIED_NAME_FMT + "$");

    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String LABEL_VALUE_ERR_MSG = "a valid label must be an empty string or consist of alphanumeric characters, "
            + "'-', '_' or '.', and must start and end with an alphanumeric character";
    public static final int LABEL_VALUE_MAX_LENGTH = 63;
    private static final Pattern LABEL_VALUE = Pattern.compile("^" + LABEL_VALUE_FMT + "$");

    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_LABEL_ERR_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character";
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    private static final Pattern DNS1123_LABEL = Pattern.compile("^" + DNS1123_LABEL_FMT + "$");

    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1123_SUBDOMAIN_ERR_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("^" + DNS1123_SUBDOMAIN_FMT + "$");

    private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1035_LABEL_ERR_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters "
            + "or '-', start with an alphabetic character, and end with an alphanumeric character";
    public static final int DNS1035_LABEL_MAX_LENGTH = 63;
    private static final Pattern DNS1035_LABEL = Pattern.compile("^" + DNS1035_LABEL_FMT + "$");

    private static final String C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String C_IDENTIFIER_ERR_MSG =
            "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
    private static final Pattern C_IDENTIFIER = Pattern.compile("^" + C_IDENTIFIER_FMT + "$");

    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("^[-a-z0-9]+$");
    private static final Pattern PORT_NAME_ONE_LETTER = Pattern.compile("[a-z]");

    private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final String CONFIG_MAP_KEY_ERR_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("^" + CONFIG_MAP_KEY_FMT + "$");

    private static final String PERCENT_FMT = "[0-9]+%";
    private static final String PERCENT_ERR_MSG = "a valid percent string must be a numeric string followed by an ending '%'";
    private static final Pattern PERCENT = Pattern.compile("^" + PERCENT_FMT + "$");

    // Names are checked on every write: these loops answer "valid" without a regex match for the
    // common case; anything they do not accept goes through the patterns, which word the errors.

    /** Matches {@link #QUALIFIED_NAME}: [A-Za-z0-9] first and last, [-A-Za-z0-9_.] between. */
    private static boolean isQualifiedNamePart(String value) {
        int n = value.length();
        if (n == 0 || !isAlphanumeric(value.charAt(0)) || !isAlphanumeric(value.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Matches {@link #DNS1123_SUBDOMAIN}: labels of [a-z0-9-] that start and end with [a-z0-9], joined by dots. */
    private static boolean isPlainSubdomain(String value) {
        int n = value.length();
        if (n == 0 || !isLowerAlphanumeric(value.charAt(0)) || !isLowerAlphanumeric(value.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (!isLowerAlphanumeric(value.charAt(i - 1)) || !isLowerAlphanumeric(value.charAt(i + 1))) {
                    return false;
                }
            } else if (c != '-' && !isLowerAlphanumeric(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #DNS1123_LABEL} without the regex, for the valid labels nearly every request carries. */
    private static boolean isPlainLabel(String value) {
        return value.indexOf('.') < 0 && isPlainSubdomain(value);
    }

    private static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
    }

    /** {@code IsQualifiedName}: a label or annotation key, {@code [prefix/]name}. */
    public static List<String> isQualifiedName(String value) {
        if (value.length() <= QUALIFIED_NAME_MAX_LENGTH && value.indexOf('/') < 0 && isQualifiedNamePart(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    errs.add("prefix part " + emptyError());
                } else {
                    for (String msg : isDNS1123Subdomain(prefix)) {
                        errs.add("prefix part " + msg);
                    }
                }
            }
            default -> {
                errs.add("a qualified name " + regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errs;
            }
        }
        if (name.isEmpty()) {
            errs.add("name part " + emptyError());
        } else if (length(name) > QUALIFIED_NAME_MAX_LENGTH) {
            errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!isQualifiedNamePart(name) && !QUALIFIED_NAME.matcher(name).matches()) {
            errs.add("name part " + regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /** {@code IsValidLabelValue}: empty, or at most 63 characters of a qualified name. */
    public static List<String> isValidLabelValue(String value) {
        if (value.length() <= LABEL_VALUE_MAX_LENGTH && (value.isEmpty() || isQualifiedNamePart(value))) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (length(value) > LABEL_VALUE_MAX_LENGTH) {
            errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errs.add(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /** {@code IsDNS1123Label}: names of namespaces, services, containers. */
    public static List<String> isDNS1123Label(String value) {
        if (value.length() <= DNS1123_LABEL_MAX_LENGTH && isPlainLabel(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (length(value) > DNS1123_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            errs.add(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
        }
        return errs;
    }

    /** {@code IsDNS1123Subdomain}: names of most objects. */
    public static List<String> isDNS1123Subdomain(String value) {
        if (value.length() <= DNS1123_SUBDOMAIN_MAX_LENGTH && isPlainSubdomain(value)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** {@code IsDNS1035Label}: Service names (they become DNS labels that must start with a letter). */
    public static List<String> isDNS1035Label(String value) {
        List<String> errs = new ArrayList<>();
        if (length(value) > DNS1035_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errs.add(regexError(DNS1035_LABEL_ERR_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** {@code IsCIdentifier}: environment variable names in the strict form. */
    public static List<String> isCIdentifier(String value) {
        if (!C_IDENTIFIER.matcher(value).matches()) {
            return List.of(regexError(C_IDENTIFIER_ERR_MSG, C_IDENTIFIER_FMT, "my_name", "MY_NAME", "MyName"));
        }
        return List.of();
    }

    /** {@code IsValidPortNum}: 1 to 65535. */
    public static List<String> isValidPortNum(long port) {
        if (1 <= port && port <= 65535) {
            return List.of();
        }
        return List.of(inclusiveRangeError(1, 65535));
    }

    /** {@code IsValidPortName}: an IANA service name, at most 15 characters with at least one letter. */
    public static List<String> isValidPortName(String port) {
        List<String> errs = new ArrayList<>();
        if (length(port) > 15) {
            errs.add(maxLenError(15));
        }
        if (!PORT_NAME_CHARSET.matcher(port).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!PORT_NAME_ONE_LETTER.matcher(port).find()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    /** {@code IsConfigMapKey}: keys of ConfigMap and Secret data. */
    public static List<String> isConfigMapKey(String value) {
        List<String> errs = new ArrayList<>();
        if (length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!CONFIG_MAP_KEY.matcher(value).matches()) {
            errs.add(regexError(CONFIG_MAP_KEY_ERR_MSG, CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
        }
        if (value.equals(".")) {
            errs.add("must not be '.'");
        } else if (value.equals("..")) {
            errs.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errs.add("must not start with '..'");
        }
        return errs;
    }

    /** {@code IsValidPercent}: {@code [0-9]+%}. */
    public static List<String> isValidPercent(String percent) {
        if (!PERCENT.matcher(percent).matches()) {
            return List.of(regexError(PERCENT_ERR_MSG, PERCENT_FMT, "1%", "93%"));
        }
        return List.of();
    }

    /** {@code MaxLenError}. */
    public static String maxLenError(int length) {
        return "must be no more than " + length + " characters";
    }

    /** {@code RegexError}: the rule in words, examples, and the regular expression. */
    public static String regexError(String msg, String fmt, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + fmt + "')";
        }
        StringBuilder s = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                s.append(" or ");
            }
            s.append('\'').append(examples[i]).append("', ");
        }
        return s.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    /** {@code EmptyError}. */
    public static String emptyError() {
        return "must be non-empty";
    }

    /** {@code InclusiveRangeError}. */
    public static String inclusiveRangeError(long lo, long hi) {
        return "must be between " + lo + " and " + hi + ", inclusive";
    }

    /** The length Go's {@code len} reports: UTF-8 bytes. */
    static int length(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return value.length();
    }
}
