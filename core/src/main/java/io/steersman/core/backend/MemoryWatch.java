package io.steersman.core.backend;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch of the memory backend: a bounded buffer that writers fill and a delivery task that
 * empties it on the shared delivery pool. At most one delivery task runs per watch, so its calls
 * are sequential and ordered; different watches deliver in parallel, so a slow one delays only
 * itself until its buffer overflows and it is cut off.
 */
final class MemoryWatch implements BackendWatch, Runnable {
    private static final Logger log = LoggerFactory.getLogger(MemoryWatch.class);
    /** Events delivered per run before the task yields its thread to other watches. */
    private static final int BATCH = 512;

    final String prefix;
    private final BackendWatcher watcher;
    private final int capacity;
    private final Executor executor;
    /** The revision whose events every watch has been handed (see MemoryBackend). */
    private final LongSupplier handedOut;
    private final Runnable unregister;

    // Guarded by this.
    private List<BackendEvent> initial;
    private int initialIndex;
    private final ArrayDeque<BackendEvent> queue = new ArrayDeque<>();
    private boolean scheduled;
    private boolean progressRequested;
    private boolean closed;
    private boolean closeDelivered;
    private RuntimeException closeCause;
    private volatile long lastDelivered;

    /** Read by the delivery loop without the lock, to stop at once after a close. */
    private volatile boolean stopped;
    /** Only the running delivery task touches it. */
    private final BackendEvent[] batch = new BackendEvent[BATCH];

    MemoryWatch(String prefix, BackendWatcher watcher, int capacity, Executor executor,
            LongSupplier handedOut, List<BackendEvent> initial, Runnable unregister) {
        this.prefix = prefix;
        this.watcher = watcher;
        this.capacity = capacity;
        this.executor = executor;
        this.handedOut = handedOut;
        this.initial = initial.isEmpty() ? null : initial;
        this.unregister = unregister;
    }

    boolean covers(String key) {
        return key.startsWith(prefix);
    }

    /** Called by writers, in revision order, with the backend's write lock held. Never blocks. */
    synchronized void offer(BackendEvent event) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            closeLocked(new WatchOverflowException(capacity, lastDelivered));
            return;
        }
        queue.addLast(event);
        scheduleLocked();
    }

    /** Starts delivery of the initial events, if any. */
    synchronized void start() {
        if (initial != null) {
            scheduleLocked();
        }
    }

    @Override
    public synchronized void requestProgress() {
        if (!closed) {
            progressRequested = true;
            scheduleLocked();
        }
    }

    @Override
    public void close() {
        closeWith(null);
    }

    synchronized void closeWith(RuntimeException cause) {
        closeLocked(cause);
    }

    private void closeLocked(RuntimeException cause) {
        if (closed) {
            return;
        }
        closed = true;
        stopped = true;
        closeCause = cause;
        queue.clear();
        initial = null;
        unregister.run();
        scheduleLocked();
    }

    private void scheduleLocked() {
        if (!scheduled) {
            scheduled = true;
            executor.execute(this);
        }
    }

    @Override
    public void run() {
        for (int round = 0; round < 4; round++) {
            int n = 0;
            long progress = -1;
            RuntimeException cause;
            boolean deliverClose = false;
            synchronized (this) {
                cause = closeCause;
                if (closed) {
                    if (closeDelivered) {
                        return;
                    }
                    closeDelivered = true;
                    deliverClose = true;
                } else if (initial != null) {
                    while (n < BATCH && initialIndex < initial.size()) {
                        batch[n++] = initial.get(initialIndex++);
                    }
                    if (initialIndex == initial.size()) {
                        initial = null;
                    }
                } else if (!queue.isEmpty()) {
                    while (n < BATCH && !queue.isEmpty()) {
                        batch[n++] = queue.pollFirst();
                    }
                } else if (progressRequested) {
                    progressRequested = false;
                    // Every event up to this revision was queued before it was recorded as handed
                    // out, and the queue is empty: all of them have been delivered.
                    progress = handedOut.getAsLong();
                } else {
                    scheduled = false;
                    return;
                }
            }
            if (deliverClose) {
                deliverClose(cause);
                return;
            }
            if (progress >= 0) {
                try {
                    watcher.onProgress(progress);
                } catch (RuntimeException e) {
                    fail(e);
                }
                continue;
            }
            deliver(n);
        }
        // Yield the thread to other watches; this one stays scheduled and runs again.
        executor.execute(this);
    }

    private void deliver(int n) {
        try {
            for (int i = 0; i < n && !stopped; i++) {
                BackendEvent event = batch[i];
                watcher.onEvent(event);
                lastDelivered = event.revision();
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            java.util.Arrays.fill(batch, 0, n, null);
        }
    }

    private void fail(RuntimeException e) {
        log.warn("watch of {} closed: its watcher threw", prefix, e);
        closeWith(e);
    }

    private void deliverClose(RuntimeException cause) {
        try {
            watcher.onClose(cause);
        } catch (RuntimeException e) {
            log.warn("watcher of {} threw from onClose", prefix, e);
        }
    }
}
