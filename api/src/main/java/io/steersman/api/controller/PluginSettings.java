package io.steersman.api.controller;

import java.time.Duration;
import java.util.Optional;

/**
 * Configuration a plugin reads: keys such as {@code steersman.node.pod-cidr}, from the launcher's
 * flags and config file or a test's {@code ControlPlane} builder. Injectable into any reconciler.
 */
public interface PluginSettings {

    Optional<String> get(String key);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    default int getInt(String key, int fallback) {
        return get(key).map(Integer::parseInt).orElse(fallback);
    }

    default Duration getDuration(String key, Duration fallback) {
        return get(key).map(Duration::parse).orElse(fallback);
    }

    PluginSettings EMPTY = key -> Optional.empty();
}
