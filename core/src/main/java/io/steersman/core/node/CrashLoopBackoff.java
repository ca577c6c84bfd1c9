package io.steersman.core.node;

import java.time.Duration;

/**
 * The kubelet's restart back-off for a crashing container: 10 s after the first crash, doubling
 * with every restart, capped at 5 minutes (upstream's {@code initialBackOff}/{@code MaxContainerBackOff}).
 * With restartCount 0 the wait is 10 s, 1 → 20 s, 2 → 40 s, 3 → 80 s, 4 → 160 s, 5 and on → 300 s.
 */
final class CrashLoopBackoff {
    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    private CrashLoopBackoff() {}

    /** How long the kubelet waits before restarting a container that has restarted {@code restartCount} times and crashed again. */
    static Duration delay(int restartCount) {
        if (restartCount >= 5) {
            return MAX;
        }
        Duration delay = INITIAL.multipliedBy(1L << Math.max(0, restartCount));
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
