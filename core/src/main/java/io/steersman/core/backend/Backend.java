package io.steersman.core.backend;

import java.util.Optional;

/**
 * Where the store keeps objects, shaped like etcd's KV, Txn, Watch and Compact APIs so that an
 * in-memory, a SQLite and an etcd implementation can sit behind the same store.
 *
 * <ul>
 *   <li>Keys are strings ordered by their UTF-16 code units (see {@link Keys} for the scheme); every
 *       successful write transaction takes the next value of one revision counter shared by all
 *       keys.</li>
 *   <li>Values are immutable {@code ApiObject}s. The backend sets {@code metadata.resourceVersion} of
 *       every value it returns to that value's {@code modRevision}: callers never have to.</li>
 *   <li>Reads at an older revision, and watches from one, work as long as that revision is not
 *       compacted; otherwise they fail with {@link CompactedException}.</li>
 * </ul>
 *
 * All methods are thread-safe. Implementations must make a write visible to every read and watch
 * that starts after it returns.
 */
public interface Backend extends AutoCloseable {

    /** The revision of the latest write (0 before the first). */
    long currentRevision();

    /** Revisions at or below this one are no longer individually kept. */
    long compactedRevision();

    /** The current value of {@code key}. */
    Optional<KeyValue> get(String key);

    /**
     * The live keys in {@code [start, end)} at {@code revision} (0: the current revision), at most
     * {@code limit} of them (0: no limit), in key order.
     *
     * @throws CompactedException when {@code revision} is compacted
     * @throws IllegalArgumentException when {@code revision} is newer than the current one
     */
    RangeResult range(String start, String end, long revision, long limit);

    /** How many live keys lie in {@code [start, end)} at {@code revision} (0: current). */
    long count(String start, String end, long revision);

    /** Runs a transaction atomically at one revision. */
    TxnResult txn(Txn txn);

    /**
     * Watches the keys under {@code prefix}: every change after {@code afterRevision}, in order,
     * without gaps or duplicates, then live.
     *
     * @throws CompactedException when changes after {@code afterRevision} are no longer all kept
     */
    BackendWatch watch(String prefix, long afterRevision, BackendWatcher watcher);

    /**
     * Watches the keys under {@code prefix} starting with their state: a PUT for every live key at
     * the current revision (with a null {@code prevKv}), then every change after it.
     */
    BackendWatch watchWithInitialState(String prefix, BackendWatcher watcher);

    /** Forgets history at or below {@code revision} (at most the current revision). */
    void compact(long revision);

    /** Stops delivery threads and closes every watch; the data of an in-memory backend is gone. */
    @Override
    void close();
}
