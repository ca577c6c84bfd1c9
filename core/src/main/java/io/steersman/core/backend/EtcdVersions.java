package io.steersman.core.backend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an etcd server version can be trusted with. Before 3.4.31 and 3.5.13 a progress notification
 * could be sent ahead of events still queued for the same watch stream (etcd issues 15220 and
 * 17507); kube-apiserver requires those versions before it relies on progress requests, and so does
 * {@link EtcdWatch}.
 */
final class EtcdVersions {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+).*");

    private EtcdVersions() {}

    /** Whether a server of this version sends a progress notification only after the events before it. */
    static boolean ordersProgress(String version) {
        Matcher matcher = VERSION.matcher(version == null ? "" : version.trim());
        if (!matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        int patch = Integer.parseInt(matcher.group(3));
        if (major != 3) {
            return major > 3;
        }
        return switch (minor) {
            case 4 -> patch >= 31;
            case 5 -> patch >= 13;
            default -> minor > 5;
        };
    }
}
