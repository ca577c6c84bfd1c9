package io.steersman.core.controller;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.ConflictException;
import io.steersman.api.controller.Result;
import io.steersman.api.controller.TerminalException;
import io.steersman.core.queue.QueueMetrics;
import io.steersman.core.queue.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running controller: its queue and the loop that hands keys to the reconcile function.
 * A reconcile that throws is logged with its key and retried with backoff; a
 * {@link TerminalException} is logged and the key forgotten; a {@link Result#requeueAfter} queues
 * the key again after that time on the clock. Nothing a reconcile throws stops the loop.
 *
 * <p>Runs either on worker threads ({@link #startWorkers}) or, in the deterministic mode, on the
 * thread that calls {@link #processDue}.
 */
final class Controller<K> {
    private static final Logger log = LoggerFactory.getLogger(Controller.class);

    private final String name;
    private final WorkQueue<K> queue;
    private final Function<K, Result> reconcile;
    private final int workers;
    private final Runnable onProcessed;
    private final List<Thread> threads = new ArrayList<>();

    Controller(String name, WorkQueue<K> queue, Function<K, Result> reconcile, int workers, Runnable onProcessed) {
        this.name = name;
        this.queue = queue;
        this.reconcile = reconcile;
        this.workers = workers;
        this.onProcessed = onProcessed;
    }

    String name() {
        return name;
    }

    WorkQueue<K> queue() {
        return queue;
    }

    QueueMetrics metrics() {
        return queue.metrics();
    }

    /** Reconciles one key and settles its fate in the queue. Never throws, except what the JVM cannot survive. */
    void process(K key) {
        try {
            Result result = reconcile.apply(key);
            queue.forget(key);
            if (result != null && result.isRequeue()) {
                queue.addAfter(key, result.requeueAfter());
            }
        } catch (TerminalException e) {
            log.error("controller {}: reconcile of {} failed terminally; not retrying: {}", name, key, e.getMessage());
            queue.forget(key);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (ConflictException e) {
            // A write raced another writer and the cache was stale: routine for a level-triggered
            // controller, which simply tries again on fresher state (upstream logs it at V(2)).
            log.debug("controller {}: reconcile of {} hit a conflict; retrying: {}", name, key, e.getMessage());
            queue.addRateLimited(key);
        } catch (ApiException e) {
            int attempt = queue.numRequeues(key) + 1;
            log.warn("controller {}: reconcile of {} failed (attempt {}); retrying with backoff: {} {}",
                    name, key, attempt, e.reason(), e.getMessage());
            queue.addRateLimited(key);
        } catch (Throwable e) {
            int attempt = queue.numRequeues(key) + 1;
            log.error("controller {}: reconcile of {} failed (attempt {}); retrying with backoff", name, key, attempt, e);
            queue.addRateLimited(key);
        } finally {
            queue.done(key);
            onProcessed.run();
        }
    }

    /**
     * Deterministic mode: reconciles, on the calling thread, the keys that are due now — the batch
     * taken when it begins, in the order of their string form (so the order does not depend on
     * which informer thread delivered first), and no more: a key that wakes itself again shows up
     * in the next round instead of looping here. Returns the keys processed, in order.
     */
    List<K> processDue() {
        int due = queue.dueNow();
        List<K> batch = new ArrayList<>(due);
        for (int i = 0; i < due; i++) {
            K key = queue.poll();
            if (key == null) {
                break;
            }
            batch.add(key);
        }
        if (batch.size() > 1) {
            // Each key's string once, not once per comparison.
            List<Map.Entry<String, K>> named = new ArrayList<>(batch.size());
            for (K key : batch) {
                named.add(Map.entry(String.valueOf(key), key));
            }
            named.sort(Map.Entry.comparingByKey());
            for (int i = 0; i < named.size(); i++) {
                batch.set(i, named.get(i).getValue());
            }
        }
        for (K key : batch) {
            queue.begin(key); // its wait behind the keys before it is latency, not work
            process(key);
        }
        return batch;
    }

    /** Starts the worker threads, named after the controller. */
    synchronized void startWorkers() {
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(this::work, "controller-" + name + (workers > 1 ? "-" + i : ""));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void work() {
        while (true) {
            K key;
            try {
                key = queue.get();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            process(key);
        }
    }

    /** Stops handing out keys; workers finish their current key and exit. */
    void shutDown() {
        queue.shutDown();
    }

    /**
     * Waits for the workers until {@code deadlineNanos} (System.nanoTime), then interrupts those
     * still running and gives them a second more. Returns the workers still alive (none, normally).
     */
    synchronized List<Thread> awaitStopped(long deadlineNanos) {
        for (Thread thread : threads) {
            join(thread, deadlineNanos);
        }
        List<Thread> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                thread.interrupt();
                join(thread, System.nanoTime() + Duration.ofSeconds(1).toNanos());
                if (thread.isAlive()) {
                    alive.add(thread);
                }
            }
        }
        threads.clear();
        return alive;
    }

    private static void join(Thread thread, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            thread.join(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Controller[" + name + "]";
    }
}
