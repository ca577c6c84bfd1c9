package io.steersman.core.store;

/** One change as a watch delivers it. A BOOKMARK carries only a resourceVersion in its object's metadata. */
public record WatchEvent<T>(Type type, T object, long revision) {
    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK }
}
