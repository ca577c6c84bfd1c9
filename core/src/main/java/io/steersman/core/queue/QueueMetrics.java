package io.steersman.core.queue;

import java.time.Duration;

/**
 * A snapshot of a work queue's figures, as upstream's workqueue metrics: {@code depth} (keys
 * waiting now), {@code adds} (every accepted add, duplicates included), {@code retries} (rate
 * limited re-adds), {@code waiting} (keys delayed on the clock), and the real time keys spent
 * queued before a worker took them ({@code latency}) and being processed ({@code workDuration}).
 * Durations are measured in real time, not on the control plane's clock.
 */
public record QueueMetrics(String name, int depth, int waiting, int processing, long adds, long retries,
        long processed, Duration totalLatency, Duration maxLatency, Duration totalWorkDuration, Duration maxWorkDuration) {

    /** The mean time a key waited before a worker took it; zero before the first. */
    public Duration meanLatency() {
        return processed == 0 ? Duration.ZERO : totalLatency.dividedBy(processed);
    }

    /** The mean time a worker spent on one key; zero before the first. */
    public Duration meanWorkDuration() {
        return processed == 0 ? Duration.ZERO : totalWorkDuration.dividedBy(processed);
    }
}
