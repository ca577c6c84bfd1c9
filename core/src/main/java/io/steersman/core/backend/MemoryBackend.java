package io.steersman.core.backend;

import io.steersman.api.model.ApiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory backend: the objects themselves (no serialisation) in a concurrent skip list of
 * version chains, a bounded event history, and watches delivered on a small shared pool.
 *
 * <p>Each key has a slot holding its version chain, found through a hash map for point reads and
 * writes and through a skip list for ranges in key order; only a new key touches the skip list.
 * Writes are serialised by one lock and cost a hash lookup, a history append and one buffer
 * append per interested watch. Reads take no lock: they read at a revision, walking each key's
 * version chain to the newest version at or below it, and re-check compaction afterwards. When the
 * history is full, each new event pushes out the oldest one and the backend compacts to its
 * revision, so memory stays bounded by the live objects plus {@code historySize} events.
 */
public final class MemoryBackend implements Backend {

    /**
     * @param historySize how many events are kept for watches that resume from a revision (and for
     *     reads at an older revision)
     * @param watchBufferSize how many undelivered events a watch may hold before it is cut off
     * @param deliveryThreads threads that deliver watch events, shared by all watches
     */
    public record Options(int historySize, int watchBufferSize, int deliveryThreads) {
        public static Options defaults() {
            return new Options(100_000, 10_000, Math.max(2, Runtime.getRuntime().availableProcessors()));
        }

        public Options withHistorySize(int size) {
            return new Options(size, watchBufferSize, deliveryThreads);
        }

        public Options withWatchBufferSize(int size) {
            return new Options(historySize, size, deliveryThreads);
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final ConcurrentNavigableMap<String, Slot> EMPTY = new ConcurrentSkipListMap<>();

    private final Options options;
    private final ConcurrentHashMap<String, Slot> byKey = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, Slot> ordered = new ConcurrentSkipListMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final EventLog history;
    private final CopyOnWriteArrayList<MemoryWatch> watches = new CopyOnWriteArrayList<>();
    private final ForkJoinPool delivery;
    /** Published after a write is fully applied, so a read at it sees the whole write. */
    private volatile long revision;
    private volatile long compacted;
    /**
     * The revision whose events every watch has been handed (after {@link #revision}): a watch
     * whose buffer is empty has delivered everything up to it, so its progress can say so.
     */
    private volatile long handedOut;
    private volatile boolean closed;
    // Guarded by writeLock: the next history entry to compact.
    private long compactSeq;

    public MemoryBackend() {
        this(Options.defaults());
    }

    public MemoryBackend(Options options) {
        if (options.watchBufferSize() < 1 || options.deliveryThreads() < 1) {
            throw new IllegalArgumentException("watch buffer size and delivery threads must be positive: " + options);
        }
        this.options = options;
        this.history = new EventLog(options.historySize());
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.delivery = new ForkJoinPool(options.deliveryThreads(), p -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("steersman-watch-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }

    /**
     * A backend that starts at {@code revision} holding {@code live} (values already stamped with
     * their modRevision, each key once): what a durable backend restores after a restart. History
     * before {@code revision} is gone, so it counts as compacted, as etcd after a compaction: a
     * watch or read from an older revision fails with {@link CompactedException}.
     */
    MemoryBackend(Options options, long revision, Iterable<KeyValue> live) {
        this(options);
        for (KeyValue kv : live) {
            if (kv.modRevision() > revision) {
                throw new IllegalArgumentException(kv.key() + " was written at " + kv.modRevision() + ", after revision " + revision);
            }
            install(kv.key(), new Version(kv.key(), kv.value(), kv.createRevision(), kv.modRevision(), kv.version(), null));
        }
        this.revision = revision;
        this.compacted = revision;
        this.handedOut = revision;
    }

    @Override
    public long currentRevision() {
        return revision;
    }

    @Override
    public long compactedRevision() {
        return compacted;
    }

    /** Where one key's versions hang; replaced only when the key is forgotten and written anew. */
    private static final class Slot {
        volatile Version head;

        Slot(Version head) {
            this.head = head;
        }
    }

    private Version head(String key) {
        Slot slot = byKey.get(key);
        return slot == null ? null : slot.head;
    }

    /** With the write lock held: makes {@code version} the newest of its key. */
    private void install(String key, Version version) {
        Slot slot = byKey.get(key);
        if (slot == null) {
            slot = new Slot(version);
            byKey.put(key, slot);
            ordered.put(key, slot);
        } else {
            slot.head = version;
        }
    }

    @Override
    public Optional<KeyValue> get(String key) {
        Version head = head(key);
        return head == null ? Optional.empty() : Optional.ofNullable(head.liveAt(revision));
    }

    @Override
    public RangeResult range(String start, String end, long atRevision, long limit) {
        long at = readRevision(atRevision);
        List<KeyValue> found = new ArrayList<>(limit > 0 && limit < 1024 ? (int) limit : 16);
        boolean more = false;
        for (Slot slot : span(start, end).values()) {
            KeyValue kv = slot.head.liveAt(at);
            if (kv != null) {
                if (limit > 0 && found.size() == limit) {
                    more = true;
                    break;
                }
                found.add(kv);
            }
        }
        checkNotCompacted(at);
        return new RangeResult(found, at, more);
    }

    @Override
    public long count(String start, String end, long atRevision) {
        long at = readRevision(atRevision);
        long count = 0;
        for (Slot slot : span(start, end).values()) {
            if (slot.head.liveAt(at) != null) {
                count++;
            }
        }
        checkNotCompacted(at);
        return count;
    }

    private ConcurrentNavigableMap<String, Slot> span(String start, String end) {
        if (end == null) {
            return ordered.tailMap(start, true);
        }
        // As etcd: a range whose end is not after its start is empty.
        return start.compareTo(end) >= 0 ? EMPTY : ordered.subMap(start, true, end, false);
    }

    private long readRevision(long requested) {
        long current = revision;
        if (requested > current) {
            throw new IllegalArgumentException("revision " + requested + " is newer than the current revision " + current);
        }
        long at = requested == 0 ? current : requested;
        checkNotCompacted(at);
        return at;
    }

    private void checkNotCompacted(long at) {
        long floor = compacted;
        if (at < floor) {
            throw new CompactedException(at, floor);
        }
    }

    @Override
    public TxnResult txn(Txn txn) {
        writeLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the backend is closed");
            }
            boolean succeeded = true;
            for (Compare compare : txn.compares()) {
                Version head = head(compare.key());
                long modRevision = head == null || head.isDeletion() ? 0 : head.modRevision();
                if (modRevision != compare.modRevision()) {
                    succeeded = false;
                    break;
                }
            }
            List<Op> ops = succeeded ? txn.success() : txn.failure();
            long next = revision + 1;
            boolean wrote = false;
            List<TxnResult.OpResult> results = new ArrayList<>(ops.size());
            List<BackendEvent> events = new ArrayList<>(ops.size());
            for (Op op : ops) {
                Version head = head(op.key());
                KeyValue live = head == null || head.isDeletion() ? null : head;
                if (op instanceof Op.Put put) {
                    Version kv = live == null
                            ? new Version(put.key(), stamp(put.value(), next), next, next, 1, head)
                            : new Version(put.key(), stamp(put.value(), next), live.createRevision(), next, live.version() + 1, head);
                    install(put.key(), kv);
                    events.add(record(new BackendEvent(BackendEvent.Type.PUT, kv, live), kv));
                    results.add(new TxnResult.OpResult(kv, live));
                    wrote = true;
                } else if (op instanceof Op.Delete) {
                    if (live == null) {
                        results.add(new TxnResult.OpResult(null, null));
                        continue;
                    }
                    Version tombstone = Version.tombstone(op.key(), next, head);
                    install(op.key(), tombstone);
                    KeyValue deleted = new KeyValue(op.key(), stamp(live.value(), next), live.createRevision(), next, live.version());
                    events.add(record(new BackendEvent(BackendEvent.Type.DELETE, deleted, live), tombstone));
                    results.add(new TxnResult.OpResult(deleted, live));
                    wrote = true;
                } else {
                    results.add(new TxnResult.OpResult(live, null));
                }
            }
            if (wrote) {
                revision = next;
            }
            // Only now that reads see the new revision: a watcher that reacts to an event by reading
            // the key must find what the event reports, never the state before it.
            for (BackendEvent event : events) {
                publish(event);
            }
            if (wrote) {
                handedOut = next;
            }
            return new TxnResult(succeeded, revision, results);
        } finally {
            writeLock.unlock();
        }
    }

    private static ApiObject stamp(ApiObject value, long revision) {
        return TxnPlan.stamp(value, revision);
    }

    /** Appends to the history and compacts what falls out of it; the caller publishes the event once the revision is visible. */
    private BackendEvent record(BackendEvent event, Version version) {
        EventLog.Entry evicted = history.append(new EventLog.Entry(event, version));
        if (evicted != null) {
            trim(evicted);
            raiseCompacted(evicted.revision());
        }
        return event;
    }

    /** Hands the event to the watches of its key, in order (the write lock is held). */
    private void publish(BackendEvent event) {
        String key = event.kv().key();
        for (MemoryWatch watch : watches) {
            if (watch.covers(key)) {
                watch.offer(event);
            }
        }
    }

    @Override
    public void compact(long toRevision) {
        writeLock.lock();
        try {
            if (toRevision > revision) {
                throw new IllegalArgumentException("cannot compact to " + toRevision + ", beyond the current revision " + revision);
            }
            compactSeq = Math.max(compactSeq, history.oldestSeq());
            while (compactSeq < history.nextSeq() && history.at(compactSeq).revision() <= toRevision) {
                trim(history.at(compactSeq));
                history.clear(compactSeq++);
            }
            raiseCompacted(toRevision);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * With the write lock held, for an event at or below the compacted revision: its version is the
     * newest at or below that revision, or an older one whose newer sibling is trimmed in the same
     * pass, so nothing below it is ever read again; a deletion nobody overwrote leaves the index.
     */
    private void trim(EventLog.Entry entry) {
        Version version = entry.version();
        version.prev = null;
        if (version.isDeletion()) {
            String key = entry.event().kv().key();
            Slot slot = byKey.get(key);
            if (slot != null && slot.head == version) {
                byKey.remove(key, slot);
                ordered.remove(key, slot);
            }
        }
    }

    private void raiseCompacted(long toRevision) {
        if (toRevision > compacted) {
            compacted = toRevision;
        }
    }

    @Override
    public BackendWatch watch(String prefix, long afterRevision, BackendWatcher watcher) {
        writeLock.lock();
        try {
            long floor = compacted;
            if (afterRevision < floor) {
                throw new CompactedException(afterRevision, floor);
            }
            return register(prefix, watcher, replayAfter(prefix, afterRevision, new ArrayList<>()));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public BackendWatch watchWithInitialState(String prefix, BackendWatcher watcher) {
        while (true) {
            long at = revision;
            List<BackendEvent> initial = new ArrayList<>();
            try {
                for (KeyValue kv : range(prefix, Keys.prefixEnd(prefix), at, 0).kvs()) {
                    initial.add(new BackendEvent(BackendEvent.Type.PUT, kv, null));
                }
            } catch (CompactedException raced) {
                continue;
            }
            writeLock.lock();
            try {
                if (at < compacted) {
                    continue;
                }
                return register(prefix, watcher, replayAfter(prefix, at, initial));
            } finally {
                writeLock.unlock();
            }
        }
    }

    private List<BackendEvent> replayAfter(String prefix, long afterRevision, List<BackendEvent> into) {
        history.forEachAfter(afterRevision, entry -> {
            if (entry.event().kv().key().startsWith(prefix)) {
                into.add(entry.event());
            }
        });
        return into;
    }

    private MemoryWatch register(String prefix, BackendWatcher watcher, List<BackendEvent> initial) {
        if (closed) {
            throw new IllegalStateException("the backend is closed");
        }
        MemoryWatch[] self = new MemoryWatch[1];
        MemoryWatch watch = new MemoryWatch(prefix, watcher, options.watchBufferSize(), delivery,
                () -> handedOut, initial, () -> watches.remove(self[0]));
        self[0] = watch;
        watches.add(watch);
        watch.start();
        return watch;
    }

    /** How many watches are open (for tests and metrics). */
    public int watchCount() {
        return watches.size();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
        } finally {
            writeLock.unlock();
        }
        for (MemoryWatch watch : List.copyOf(watches)) {
            watch.close();
        }
        delivery.shutdown();
    }
}
