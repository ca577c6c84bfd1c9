package io.steersman.core.queue;

import java.time.Duration;

/**
 * Decides how long an item waits before it is retried, as upstream's {@code workqueue.RateLimiter}.
 * {@link #when} records one more failure of the item and returns its delay; {@link #forget} clears
 * the item's history once it succeeded. Implementations are thread-safe.
 */
public interface RateLimiter<K> {

    /** Records a failure of {@code item} and returns how long to wait before its next attempt. */
    Duration when(K item);

    /** Clears the item's failure history: its next failure starts from the first delay again. */
    void forget(K item);

    /** How many times {@code item} failed since it was last forgotten. */
    int numRequeues(K item);
}
