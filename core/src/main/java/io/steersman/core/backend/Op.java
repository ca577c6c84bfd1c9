package io.steersman.core.backend;

import io.steersman.api.model.ApiObject;

/** One operation of a transaction branch. */
public sealed interface Op {

    String key();

    /** Writes {@code value} at {@code key}; the backend sets its resourceVersion to the new revision. */
    record Put(String key, ApiObject value) implements Op {}

    /** Removes {@code key}; deleting an absent key does nothing and writes no revision. */
    record Delete(String key) implements Op {}

    /** Reads {@code key} at the transaction's revision. */
    record Get(String key) implements Op {}

    static Op put(String key, ApiObject value) {
        return new Put(key, value);
    }

    static Op delete(String key) {
        return new Delete(key);
    }

    static Op get(String key) {
        return new Get(key);
    }
}
