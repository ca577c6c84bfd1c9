package io.steersman.core.store;

import io.steersman.api.controller.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand (the public one lives in module testing, which core cannot use). */
final class ManualClock implements Clock {
    private volatile Instant now = Instant.parse("2026-11-26T00:00:00Z");

    @Override
    public Instant now() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
