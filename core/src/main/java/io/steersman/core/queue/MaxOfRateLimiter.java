package io.steersman.core.queue;

import java.time.Duration;
import java.util.List;

/** The longest delay of several limiters, as upstream's {@code MaxOfRateLimiter}. Thread-safe when they are. */
public final class MaxOfRateLimiter<K> implements RateLimiter<K> {
    private final List<RateLimiter<K>> limiters;

    @SafeVarargs
    public MaxOfRateLimiter(RateLimiter<K>... limiters) {
        List<RateLimiter<K>> all = new java.util.ArrayList<>(limiters.length);
        for (RateLimiter<K> limiter : limiters) {
            all.add(limiter);
        }
        this.limiters = List.copyOf(all);
    }

    @Override
    public Duration when(K item) {
        Duration longest = Duration.ZERO;
        for (RateLimiter<K> limiter : limiters) {
            Duration delay = limiter.when(item);
            if (delay.compareTo(longest) > 0) {
                longest = delay;
            }
        }
        return longest;
    }

    @Override
    public void forget(K item) {
        limiters.forEach(limiter -> limiter.forget(item));
    }

    @Override
    public int numRequeues(K item) {
        int most = 0;
        for (RateLimiter<K> limiter : limiters) {
            most = Math.max(most, limiter.numRequeues(item));
        }
        return most;
    }

    /**
     * Upstream's {@code DefaultControllerRateLimiter}: per-item backoff from 5 ms doubling to 1000 s,
     * and an overall bucket of 10 retries per second with a burst of 100. It paces retries only;
     * first adds of a key are never limited.
     */
    public static <K> RateLimiter<K> defaultControllerRateLimiter(io.steersman.api.controller.Clock clock) {
        return new MaxOfRateLimiter<>(
                new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
                new BucketRateLimiter<>(clock, 10, 100));
    }
}
