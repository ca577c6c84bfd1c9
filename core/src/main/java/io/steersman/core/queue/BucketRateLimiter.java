package io.steersman.core.queue;

import io.steersman.api.controller.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An overall token bucket shared by every item, as upstream's {@code BucketRateLimiter} over
 * {@code rate.Limiter}: {@code burst} tokens, refilled at {@code qps} per second of the injected
 * clock. Each {@link #when} reserves a token; when the bucket is empty the reservation goes into
 * debt and the caller waits until its token is refilled. Thread-safe.
 */
public final class BucketRateLimiter<K> implements RateLimiter<K> {
    private final Clock clock;
    private final double qps;
    private final double burst;
    private double tokens;
    private Instant last;

    public BucketRateLimiter(Clock clock, double qps, int burst) {
        if (qps <= 0 || burst < 1) {
            throw new IllegalArgumentException("need qps > 0 and burst >= 1, got qps " + qps + ", burst " + burst);
        }
        this.clock = clock;
        this.qps = qps;
        this.burst = burst;
        this.tokens = burst;
    }

    @Override
    public synchronized Duration when(K item) {
        Instant now = clock.now();
        if (last != null && now.isAfter(last)) {
            double elapsedSeconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsedSeconds * qps);
        }
        if (last == null || now.isAfter(last)) {
            last = now;
        }
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
    }

    @Override
    public void forget(K item) {
        // The bucket is shared: one item's success gives nothing back.
    }

    @Override
    public int numRequeues(K item) {
        return 0;
    }
}
