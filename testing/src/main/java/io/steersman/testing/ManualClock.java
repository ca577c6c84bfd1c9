package io.steersman.testing;

import io.steersman.api.controller.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock that moves only when a test moves it. Starts at {@link #START} (2025-01-01T00:00:00Z), so
 * timestamps in a test are the same on every run. Time never goes backwards: timers, backoffs and
 * deadlines assume it. Thread-safe.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * clock.advance(Duration.ofMinutes(10));   // a ten-minute progress deadline passes at once
 * }</pre>
 */
public final class ManualClock implements Clock {
    /** Where every manual clock starts unless told otherwise. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private volatile Instant now;

    public ManualClock() {
        this(START);
    }

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Moves the clock forward by {@code delta} (zero is allowed, negative is not). Returns the new time. */
    public synchronized Instant advance(Duration delta) {
        if (delta.isNegative()) {
            throw new IllegalArgumentException("a manual clock only moves forward; cannot advance by " + delta);
        }
        now = now.plus(delta);
        return now;
    }

    /** Moves the clock to {@code instant}, which must not be before the current time. */
    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("a manual clock only moves forward: " + instant + " is before " + now);
        }
        now = instant;
    }

    @Override
    public String toString() {
        return "ManualClock[" + now + "]";
    }
}
