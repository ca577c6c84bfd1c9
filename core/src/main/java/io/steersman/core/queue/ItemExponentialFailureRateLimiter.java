package io.steersman.core.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential backoff: {@code base * 2^failures}, capped at {@code max}, as upstream's
 * {@code ItemExponentialFailureRateLimiter} (5 ms doubling to 1000 s for controllers). Thread-safe.
 */
public final class ItemExponentialFailureRateLimiter<K> implements RateLimiter<K> {
    private final Duration base;
    private final Duration max;
    private final Map<K, Integer> failures = new HashMap<>();

    public ItemExponentialFailureRateLimiter(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
        }
        this.base = base;
        this.max = max;
    }

    @Override
    public synchronized Duration when(K item) {
        int exponent = failures.merge(item, 1, Integer::sum) - 1;
        // base * 2^exponent overflows long nanoseconds well before 63 doublings; stop doubling once past max.
        if (exponent >= 62) {
            return max;
        }
        long nanos = base.toNanos();
        long factor = 1L << exponent;
        if (nanos > Long.MAX_VALUE / factor) {
            return max;
        }
        Duration backoff = Duration.ofNanos(nanos * factor);
        return backoff.compareTo(max) > 0 ? max : backoff;
    }

    @Override
    public synchronized void forget(K item) {
        failures.remove(item);
    }

    @Override
    public synchronized int numRequeues(K item) {
        return failures.getOrDefault(item, 0);
    }
}
