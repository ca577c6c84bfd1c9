package io.steersman.core.backend;

import java.util.List;

/**
 * What a transaction did: which branch ran, the store revision after it (unchanged when nothing
 * was written) and one result per operation of that branch, in order.
 */
public record TxnResult(boolean succeeded, long revision, List<OpResult> results) {

    /**
     * The outcome of one operation. Put: {@code kv} is the value stored, {@code prevKv} the one it
     * replaced (null on create). Delete: {@code kv} is the removed value with its resourceVersion set
     * to the deleting revision (what a watcher receives), {@code prevKv} the value as it was stored;
     * both null when the key was absent. Get: {@code kv} is the value, null when absent.
     */
    public record OpResult(KeyValue kv, KeyValue prevKv) {}

    /** The result of the only (or first) operation. */
    public OpResult first() {
        return results.get(0);
    }
}
