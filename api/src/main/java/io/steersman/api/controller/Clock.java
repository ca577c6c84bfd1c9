package io.steersman.api.controller;

import java.time.Instant;

/**
 * The time controllers and the node agent see. The control plane gives the system clock; tests
 * give a manual one and move it forward, so a ten-minute deadline passes without waiting.
 */
@FunctionalInterface
public interface Clock {
    Instant now();

    Clock SYSTEM = Instant::now;
}
