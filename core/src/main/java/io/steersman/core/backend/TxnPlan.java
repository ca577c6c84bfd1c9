package io.steersman.core.backend;

import io.steersman.api.model.ApiObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a transaction will write, worked out before it runs: the branch its compares choose and, for
 * each Put and each Delete of a live key, the row it leaves. A durable backend commits these rows
 * first and only then lets the memory backend apply the transaction, which, with no write in
 * between, takes the same branch and the same revision. Mirrors {@link MemoryBackend#txn}: compares
 * first, then the operations in order, each seeing the ones before it.
 */
record TxnPlan(long revision, List<Row> rows) {

    /** One key after the transaction: {@code kv} is its new value, or null when it was deleted. */
    record Row(String key, KeyValue kv) {}

    /**
     * @param current the key's live value before the transaction (the memory backend's get)
     * @param currentRevision the revision before the transaction
     */
    static TxnPlan of(Txn txn, long currentRevision, Function<String, Optional<KeyValue>> current) {
        Map<String, Optional<KeyValue>> pending = new HashMap<>();
        Function<String, KeyValue> live = key -> pending.computeIfAbsent(key, current).orElse(null);
        boolean succeeded = true;
        for (Compare compare : txn.compares()) {
            KeyValue kv = live.apply(compare.key());
            if ((kv == null ? 0 : kv.modRevision()) != compare.modRevision()) {
                succeeded = false;
                break;
            }
        }
        long next = currentRevision + 1;
        List<Row> rows = new ArrayList<>();
        for (Op op : succeeded ? txn.success() : txn.failure()) {
            KeyValue before = live.apply(op.key());
            if (op instanceof Op.Put put) {
                KeyValue after = before == null
                        ? new KeyValue(put.key(), stamp(put.value(), next), next, next, 1)
                        : new KeyValue(put.key(), stamp(put.value(), next), before.createRevision(), next, before.version() + 1);
                pending.put(put.key(), Optional.of(after));
                rows.add(new Row(put.key(), after));
            } else if (op instanceof Op.Delete && before != null) {
                pending.put(op.key(), Optional.empty());
                rows.add(new Row(op.key(), null));
            }
        }
        return new TxnPlan(rows.isEmpty() ? currentRevision : next, rows);
    }

    static ApiObject stamp(ApiObject value, long revision) {
        String resourceVersion = Long.toString(revision);
        return resourceVersion.equals(value.metadata().resourceVersion())
                ? value
                : value.withMetadata(value.metadata().withResourceVersion(resourceVersion));
    }

    boolean writes() {
        return !rows.isEmpty();
    }

    /** Whether a key is deleted (so the new revision may be on no row afterwards). */
    boolean deletes() {
        return rows.stream().anyMatch(row -> row.kv() == null);
    }
}
