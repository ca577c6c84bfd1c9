package io.steersman.api.validation;

import java.util.List;

/**
 * Upstream's {@code ValidateNameFunc}: the rule a kind's names follow. {@code prefix} is true for a
 * {@code generateName}, where a trailing dash is allowed because a random suffix follows.
 */
@FunctionalInterface
public interface NameRule {

    List<String> validate(String name, boolean prefix);

    /** {@code NameIsDNSSubdomain}: most kinds. */
    NameRule DNS_SUBDOMAIN = (name, prefix) -> Names.isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

    /** {@code NameIsDNSLabel}: namespaces and other names that become a DNS label. */
    NameRule DNS_LABEL = (name, prefix) -> Names.isDNS1123Label(prefix ? maskTrailingDash(name) : name);

    /** {@code NameIsDNS1035Label}: Services. */
    NameRule DNS1035_LABEL = (name, prefix) -> Names.isDNS1035Label(prefix ? maskTrailingDash(name) : name);

    /** {@code ValidatePathSegmentName}: PersistentVolumes; not {@code .} or {@code ..}, no {@code /} or {@code %}. */
    NameRule PATH_SEGMENT = (name, prefix) -> {
        if (!prefix && (name.equals(".") || name.equals(".."))) {
            return List.of("may not be '" + name + "'");
        }
        List<String> errors = new java.util.ArrayList<>();
        for (String illegal : List.of("/", "%")) {
            if (name.contains(illegal)) {
                errors.add("may not contain '" + illegal + "'");
            }
        }
        return errors;
    };

    /** Upstream's {@code maskTrailingDash}: a generateName may end with a dash. */
    static String maskTrailingDash(String name) {
        if (name.length() > 1 && name.endsWith("-")) {
            return name.substring(0, name.length() - 2) + "a";
        }
        return name;
    }
}
