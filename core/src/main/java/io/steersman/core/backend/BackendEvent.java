package io.steersman.core.backend;

/**
 * One change a backend watch delivers. PUT: {@code kv} is the new value, {@code prevKv} the one it
 * replaced (null when the key was created, and for the initial state of a watch). DELETE:
 * {@code kv} is the last value with its resourceVersion and modRevision set to the deleting
 * revision, {@code prevKv} that value as it was stored.
 */
public record BackendEvent(Type type, KeyValue kv, KeyValue prevKv) {

    public enum Type { PUT, DELETE }

    public long revision() {
        return kv.modRevision();
    }
}
