package io.steersman.core.queue;

import io.steersman.api.controller.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A controller's queue of keys, with upstream's workqueue guarantees:
 *
 * <ul>
 *   <li>a key is handed to at most one worker at a time: between {@link #get}/{@link #poll} and
 *       {@link #done} it is "processing";</li>
 *   <li>adds of a key already queued collapse into one;</li>
 *   <li>a key added while it is processing is queued again when its worker calls {@link #done};</li>
 *   <li>{@link #addAfter} delays a key on the injected {@link Clock}: the key becomes due when the
 *       clock reaches its time, so a manual clock fires it when moved (see {@link #poll}); adding a
 *       key that is already waiting keeps the sooner time;</li>
 *   <li>{@link #addRateLimited} delays by the {@link RateLimiter} (per-key backoff and the overall
 *       bucket), {@link #forget} resets a key's backoff after success.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #get} blocks a worker thread until a key is due or the queue shuts down;
 * {@link #poll} is the non-blocking form a deterministic, single-threaded driver uses.
 */
public final class WorkQueue<K> {
    private final String name;
    private final Clock clock;
    private final RateLimiter<K> rateLimiter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<K> queue = new ArrayDeque<>();
    /**
     * What the queue knows of each key it holds (queued, processing, waiting, or re-added while
     * processing): one map, so each operation looks a key up once. A key that is none of these has
     * no entry.
     */
    private final Map<K, Entry> entries = new HashMap<>();
    private int processingCount;
    private int waitingCount;
    /** Real time in nanoseconds (System.nanoTime, or a test's ticker): the metrics are real time. */
    private final LongSupplier nanoTime;
    /** The due time of each waiting key is in its entry; the heap may hold stale entries, checked against it. */
    private final PriorityQueue<Waiting<K>> waitingHeap = new PriorityQueue<>();
    private boolean shuttingDown;

    private long adds;
    private long retries;
    private long processed;
    private long totalLatencyNanos;
    private long maxLatencyNanos;
    private long totalWorkNanos;
    private long maxWorkNanos;

    /** One key's state. */
    private static final class Entry {
        /** Needs processing: queued, or re-added while processing. */
        boolean dirty;
        boolean processing;
        /** When it was queued (nanoTime), for the latency figure; valid while queued. */
        long queuedAt;
        /** When work on it began (nanoTime), for the work duration figure; valid while processing. */
        long startedAt;
        /** The latency counted so far while processing, which {@link #begin} may lengthen. */
        long latency;
        /** When it is due, while it waits on the clock; else null. */
        Instant due;

        boolean isEmpty() {
            return !dirty && !processing && due == null;
        }
    }

    private record Waiting<K>(Instant due, long sequence, K key) implements Comparable<Waiting<K>> {
        @Override
        public int compareTo(Waiting<K> other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private long sequence;

    public WorkQueue(String name, Clock clock, RateLimiter<K> rateLimiter) {
        this(name, clock, rateLimiter, System::nanoTime);
    }

    WorkQueue(String name, Clock clock, RateLimiter<K> rateLimiter, LongSupplier nanoTime) {
        this.name = name;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.nanoTime = nanoTime;
    }

    public String name() {
        return name;
    }

    /** Queues {@code key} now, unless it is queued already. Ignored once the queue is shut down. */
    public void add(K key) {
        lock.lock();
        try {
            addLocked(key);
        } finally {
            lock.unlock();
        }
    }

    private void addLocked(K key) {
        if (shuttingDown) {
            return;
        }
        adds++;
        enqueueLocked(key);
    }

    /** Makes the key dirty and queues it unless it is queued or processing. A timer it waits on stays, as upstream. */
    private void enqueueLocked(K key) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        if (entry.dirty) {
            return;
        }
        entry.dirty = true;
        if (entry.processing) {
            return;
        }
        queue.addLast(key);
        entry.queuedAt = nanoTime.getAsLong();
        changed.signal();
    }

    private void removeIfEmpty(K key, Entry entry) {
        if (entry.isEmpty()) {
            entries.remove(key);
        }
    }

    /** Queues {@code key} once the clock has moved {@code delay} past now; zero or negative queues it at once. */
    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shuttingDown) {
                return;
            }
            adds++;
            Instant due = clock.now().plus(delay);
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            if (entry.due != null && !due.isBefore(entry.due)) {
                return;
            }
            if (entry.due == null) {
                waitingCount++;
            }
            entry.due = due;
            waitingHeap.add(new Waiting<>(due, sequence++, key));
            // A blocked worker may now have an earlier time to wake up at.
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code key} after the delay the rate limiter gives it (its next backoff step). */
    public void addRateLimited(K key) {
        Duration delay = rateLimiter.when(key);
        lock.lock();
        try {
            if (!shuttingDown) {
                retries++;
            }
        } finally {
            lock.unlock();
        }
        addAfter(key, delay);
    }

    /** Clears the key's backoff: call after it was processed successfully. */
    public void forget(K key) {
        rateLimiter.forget(key);
    }

    public int numRequeues(K key) {
        return rateLimiter.numRequeues(key);
    }

    /**
     * Takes the next key, waiting until one is due; returns null once the queue is shut down. The
     * caller must call {@link #done} with the key when finished. Waits on real time: use it with a
     * real clock, and {@link #poll} with a manual one (or call {@link #wakeUp} after moving the clock).
     */
    public K get() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (shuttingDown) {
                    return null;
                }
                fireDueLocked();
                if (!queue.isEmpty()) {
                    return takeLocked();
                }
                Instant next = nextDueLocked();
                if (next == null) {
                    changed.await();
                } else {
                    long nanos = Duration.between(clock.now(), next).toNanos();
                    if (nanos > 0) {
                        changed.await(nanos, TimeUnit.NANOSECONDS);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next key that is due now, or returns null at once. As {@link #get}, {@link #done} must follow. */
    public K poll() {
        lock.lock();
        try {
            if (shuttingDown) {
                return null;
            }
            fireDueLocked();
            return queue.isEmpty() ? null : takeLocked();
        } finally {
            lock.unlock();
        }
    }

    private K takeLocked() {
        K key = queue.pollFirst();
        Entry entry = entries.get(key);
        entry.dirty = false;
        entry.processing = true;
        processingCount++;
        long now = nanoTime.getAsLong();
        long latency = now - entry.queuedAt;
        totalLatencyNanos += latency;
        maxLatencyNanos = Math.max(maxLatencyNanos, latency);
        entry.latency = latency;
        entry.startedAt = now;
        return key;
    }

    /**
     * Work on {@code key}, taken earlier, begins now. For a caller that takes a batch of keys and
     * works through them one after the other (the deterministic mode): without it, each key's
     * work duration would include the work on the keys before it in the batch. The time since the
     * key was taken counts as latency instead. Workers that take one key at a time need not call it.
     */
    public void begin(K key) {
        lock.lock();
        try {
            Entry entry = entries.get(key);
            if (entry == null || !entry.processing) {
                return;
            }
            long now = nanoTime.getAsLong();
            long waited = now - entry.startedAt;
            entry.latency += waited;
            totalLatencyNanos += waited;
            maxLatencyNanos = Math.max(maxLatencyNanos, entry.latency);
            entry.startedAt = now;
        } finally {
            lock.unlock();
        }
    }

    /** Marks {@code key} finished; if it was added meanwhile, it is queued again. */
    public void done(K key) {
        lock.lock();
        try {
            Entry entry = entries.get(key);
            if (entry == null || !entry.processing) {
                return;
            }
            entry.processing = false;
            processingCount--;
            processed++;
            long now = nanoTime.getAsLong();
            long work = now - entry.startedAt;
            totalWorkNanos += work;
            maxWorkNanos = Math.max(maxWorkNanos, work);
            if (entry.dirty && !shuttingDown) {
                queue.addLast(key);
                entry.queuedAt = now;
                changed.signal();
            }
            removeIfEmpty(key, entry);
            if (processingCount == 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves every waiting key whose time has come into the queue. */
    private void fireDueLocked() {
        Instant now = null;
        while (!waitingHeap.isEmpty()) {
            Waiting<K> head = waitingHeap.peek();
            Entry entry = entries.get(head.key());
            if (entry == null || !head.due().equals(entry.due)) {
                waitingHeap.poll(); // stale: re-added sooner, or queued meanwhile
                continue;
            }
            if (now == null) {
                now = clock.now();
            }
            if (head.due().isAfter(now)) {
                return;
            }
            waitingHeap.poll();
            entry.due = null;
            waitingCount--;
            enqueueLocked(head.key());
        }
    }

    private Instant nextDueLocked() {
        while (!waitingHeap.isEmpty()) {
            Waiting<K> head = waitingHeap.peek();
            Entry entry = entries.get(head.key());
            if (entry != null && head.due().equals(entry.due)) {
                return head.due();
            }
            waitingHeap.poll();
        }
        return null;
    }

    /** Moves the keys whose time has come into the queue and returns how many keys are queued now. */
    public int dueNow() {
        lock.lock();
        try {
            fireDueLocked();
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** The earliest time a waiting key becomes due, if any waits. */
    public Optional<Instant> nextDue() {
        lock.lock();
        try {
            return Optional.ofNullable(nextDueLocked());
        } finally {
            lock.unlock();
        }
    }

    /** True when a key is queued, or one waiting on the clock is due at the clock's current time. */
    public boolean hasWorkNow() {
        lock.lock();
        try {
            if (!queue.isEmpty()) {
                return true;
            }
            Instant next = nextDueLocked();
            return next != null && !next.isAfter(clock.now());
        } finally {
            lock.unlock();
        }
    }

    /** Wakes blocked workers so they look at the clock again (after a manual clock moved). */
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Keys queued now (not counting waiting or processing keys), as upstream's {@code Len}. */
    public int len() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keys queued now, in order; for diagnostics. */
    public List<K> queuedKeys() {
        lock.lock();
        try {
            return List.copyOf(new LinkedHashSet<>(queue));
        } finally {
            lock.unlock();
        }
    }

    /** True when nothing is queued or being processed (keys may still wait on the clock). */
    public boolean isIdle() {
        lock.lock();
        try {
            return queue.isEmpty() && processingCount == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Stops handing out keys: blocked and later {@link #get} calls return null; adds are ignored. */
    public void shutDown() {
        lock.lock();
        try {
            shuttingDown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isShuttingDown() {
        lock.lock();
        try {
            return shuttingDown;
        } finally {
            lock.unlock();
        }
    }

    public QueueMetrics metrics() {
        lock.lock();
        try {
            return new QueueMetrics(name, queue.size(), waitingCount, processingCount, adds, retries, processed,
                    Duration.ofNanos(totalLatencyNanos), Duration.ofNanos(maxLatencyNanos),
                    Duration.ofNanos(totalWorkNanos), Duration.ofNanos(maxWorkNanos));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "WorkQueue[" + name + "]";
    }
}
