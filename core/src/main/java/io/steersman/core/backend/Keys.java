package io.steersman.core.backend;

/**
 * The key scheme, as upstream's {@code /registry/...} layout with the API group spelled out:
 * {@code /registry/<group>/<plural>/<namespace>/<name>} for namespaced kinds and
 * {@code /registry/<group>/<plural>/<name>} for cluster-scoped ones; the core group is
 * {@code core}. Key order is therefore namespace, then name, as upstream lists.
 */
public final class Keys {
    private static final String ROOT = "/registry/";

    private Keys() {}

    /** {@code /registry/<group>/<plural>/}: the prefix of every key of a kind. */
    public static String kindPrefix(String group, String plural) {
        return ROOT + (group == null || group.isEmpty() ? "core" : group) + '/' + plural + '/';
    }

    /** The prefix of a kind's keys in one namespace. */
    public static String namespacePrefix(String kindPrefix, String namespace) {
        return kindPrefix + namespace + '/';
    }

    /** The key of one object; {@code namespace} is null for cluster-scoped kinds. */
    public static String key(String kindPrefix, String namespace, String name) {
        return namespace == null ? kindPrefix + name : kindPrefix + namespace + '/' + name;
    }

    /** The smallest key greater than every key starting with {@code prefix} (etcd's range end). */
    public static String prefixEnd(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    /** The smallest key greater than {@code key}: where a range continues after it. */
    public static String after(String key) {
        return key + '\0';
    }
}
