package io.steersman.core.backend;

/**
 * A transaction guard: the key's current {@code modRevision} must equal {@code modRevision}; 0 means
 * the key must be absent (etcd's {@code Compare(ModRevision(key), "=", 0)}).
 */
public record Compare(String key, long modRevision) {

    public static Compare absent(String key) {
        return new Compare(key, 0);
    }

    public static Compare modRevision(String key, long modRevision) {
        return new Compare(key, modRevision);
    }
}
