package io.steersman.core.backend;

import java.util.List;

/**
 * An etcd-style transaction: if every {@link Compare} holds, the {@code success} operations run,
 * otherwise the {@code failure} operations; either way atomically, at one revision.
 *
 * <pre>{@code
 * // create if absent, else read what is there
 * new Txn(List.of(Compare.absent(key)), List.of(Op.put(key, obj)), List.of(Op.get(key)));
 * }</pre>
 */
public record Txn(List<Compare> compares, List<Op> success, List<Op> failure) {

    public Txn {
        compares = List.copyOf(compares);
        success = List.copyOf(success);
        failure = List.copyOf(failure);
    }

    /** Put {@code value} only if {@code key} is absent; otherwise read it. */
    public static Txn create(String key, io.steersman.api.model.ApiObject value) {
        return new Txn(List.of(Compare.absent(key)), List.of(Op.put(key, value)), List.of(Op.get(key)));
    }

    /** Put {@code value} only if {@code key} was last written at {@code modRevision}; otherwise read it. */
    public static Txn update(String key, long modRevision, io.steersman.api.model.ApiObject value) {
        return new Txn(List.of(Compare.modRevision(key, modRevision)), List.of(Op.put(key, value)), List.of(Op.get(key)));
    }

    /** Delete {@code key} only if it was last written at {@code modRevision}; otherwise read it. */
    public static Txn delete(String key, long modRevision) {
        return new Txn(List.of(Compare.modRevision(key, modRevision)), List.of(Op.delete(key)), List.of(Op.get(key)));
    }
}
