package io.steersman.core.fake;

import io.steersman.api.controller.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand (core's own tests cannot use the testing module's ManualClock). */
public final class MutableClock implements Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public Instant now() {
        return now;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }
}
