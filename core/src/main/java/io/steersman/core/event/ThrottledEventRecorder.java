package io.steersman.core.event;

import io.steersman.api.controller.Clock;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.model.ApiObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventRecorder} that writes through a rate-limited API client, as a kubelet does: a
 * token bucket of {@code qps} writes per second holding at most {@code burst} tokens (upstream's
 * kubelet: {@code eventRecordQPS} 50, {@code eventBurst} 100), and in front of it a FIFO of at most
 * {@code queueSize} events waiting for a token (client-go's broadcaster: {@code maxQueuedEvents}
 * 1000, {@code DropIfChannelFull}). An event that finds the queue full is dropped, logged at debug
 * level and counted in {@link #dropped()}.
 *
 * <p>Tokens refill on {@code clock}, not on wall time, so a manual clock decides when waiting
 * events go out. Nothing runs in the background: waiting events are written by {@link #flush()},
 * which the owner calls when the clock may have moved (every {@link #event} flushes first), and
 * which says when the next one can go. A {@code qps} of 0 means no limit (upstream's meaning).
 *
 * <p>Waiting events are handed to the delegate when they go out, so they carry that time as their
 * timestamp (upstream stamps them when they are generated). Thread-safe.
 */
public final class ThrottledEventRecorder implements EventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledEventRecorder.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String name;
    private final EventRecorder delegate;
    private final Clock clock;
    private final int qps;
    private final int burst;
    private final int queueSize;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private double tokens;
    private Instant refilled;
    private long dropped;

    private record Waiting(ApiObject involved, Type type, String reason, String format, Object[] args) {}

    /**
     * {@code name} identifies the recorder in logs (a node's name, say); {@code qps} and {@code burst}
     * are the token bucket (the bucket starts full), {@code queueSize} how many events may wait.
     *
     * @throws IllegalArgumentException if a number is negative, or {@code burst} is 0 with a limit
     */
    public ThrottledEventRecorder(String name, EventRecorder delegate, Clock clock, int qps, int burst, int queueSize) {
        this.name = Objects.requireNonNull(name, "name");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (qps < 0 || burst < 0 || queueSize < 0) {
            throw new IllegalArgumentException("event qps, burst and queue size must not be negative: " + qps + ", " + burst + ", " + queueSize);
        }
        if (qps > 0 && burst == 0) {
            throw new IllegalArgumentException("event burst must be at least 1 when qps limits events");
        }
        this.qps = qps;
        this.burst = burst;
        this.queueSize = queueSize;
        this.tokens = burst;
    }

    @Override
    public void event(ApiObject involved, Type type, String reason, String messageFormat, Object... args) {
        Waiting ready;
        synchronized (this) {
            Instant now = clock.now();
            drain(now);
            if (queue.isEmpty() && take(now)) {
                ready = new Waiting(involved, type, reason, messageFormat, args);
            } else if (queue.size() < queueSize) {
                queue.addLast(new Waiting(involved, type, reason, messageFormat, args));
                return;
            } else {
                dropped++;
                LOG.debug("{}: dropped event {} for {}/{}: {} events wait already", name, reason, involved.namespace(), involved.name(), queueSize);
                return;
            }
        }
        write(ready);
    }

    /**
     * Writes the waiting events the tokens now allow, oldest first; returns when the next waiting
     * event can go, or empty if none waits.
     */
    public Optional<Instant> flush() {
        synchronized (this) {
            Instant now = clock.now();
            drain(now);
            return queue.isEmpty() ? Optional.empty() : Optional.of(nextToken(now));
        }
    }

    /** How many events wait for a token. */
    public synchronized int queued() {
        return queue.size();
    }

    /** How many events were dropped because the queue was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Writes waiting events while tokens last; called with the lock held, so they go out in order. */
    private void drain(Instant now) {
        while (!queue.isEmpty() && take(now)) {
            write(queue.removeFirst());
        }
        if (tokens > burst) {
            tokens = burst; // what the waiting events did not use, as refilled since the queue emptied
        }
    }

    private void write(Waiting event) {
        delegate.event(event.involved(), event.type(), event.reason(), event.format(), event.args());
    }

    /** Takes a token if one is there after refilling up to {@code now}. */
    private boolean take(Instant now) {
        if (qps == 0) {
            return true;
        }
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill(Instant now) {
        if (refilled == null || now.isBefore(refilled)) {
            refilled = now;
            return;
        }
        Duration elapsed = Duration.between(refilled, now);
        double added = (elapsed.getSeconds() * (double) NANOS_PER_SECOND + elapsed.getNano()) * qps / NANOS_PER_SECOND;
        // While events wait, each token goes out as it comes, so the bucket's cap does not apply
        // until the queue is empty (drain caps what is left).
        tokens = queue.isEmpty() ? Math.min(burst, tokens + added) : tokens + added;
        refilled = now;
    }

    /** When the bucket next holds a whole token (after {@link #refill} at {@code now}). */
    private Instant nextToken(Instant now) {
        if (qps == 0 || tokens >= 1) {
            return now;
        }
        long nanos = (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / qps);
        return now.plusNanos(Math.max(1, nanos));
    }
}
