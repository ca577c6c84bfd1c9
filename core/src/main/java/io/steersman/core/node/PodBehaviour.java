package io.steersman.core.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a pod's simulated containers behave, read from its {@code steersman.io/*} annotations (see
 * the package documentation). Malformed values are ignored and listed in {@link #problems()}, so
 * the agent can report them as a Warning event instead of failing the pod.
 *
 * @param readyAfter    extra time from container start until the pod is Ready; null for none
 * @param neverReady    {@code steersman.io/readiness: fail}: the readiness probe never passes
 * @param crashAfter    how long a container runs before it crashes; null when it does not crash
 * @param terminateAfter how long graceful shutdown takes; null for the node's default
 *                      ({@code steersman.node.shutdown-time}, zero unless set)
 */
record PodBehaviour(Duration readyAfter, boolean neverReady, Duration crashAfter, Duration terminateAfter, List<String> problems) {

    static final String PREFIX = "steersman.io/";
    static final String READY_AFTER = PREFIX + "ready-after";
    static final String READINESS = PREFIX + "readiness";
    static final String CRASH = PREFIX + "crash";
    static final String CRASH_AFTER = PREFIX + "crash-after";
    static final String TERMINATE_AFTER = PREFIX + "terminate-after";

    PodBehaviour {
        problems = List.copyOf(problems);
    }

    static PodBehaviour of(Map<String, String> annotations) {
        List<String> problems = new ArrayList<>();
        Duration readyAfter = duration(annotations, READY_AFTER, problems);
        boolean neverReady = false;
        String readiness = annotations.get(READINESS);
        if (readiness != null) {
            switch (readiness.strip()) {
                case "fail" -> neverReady = true;
                case "pass" -> neverReady = false;
                default -> problems.add(READINESS + ": \"" + readiness + "\" is neither fail nor pass");
            }
        }
        Duration crashAfter = duration(annotations, CRASH_AFTER, problems);
        String crash = annotations.get(CRASH);
        if (crash != null) {
            switch (crash.strip()) {
                case "true" -> crashAfter = crashAfter == null ? Duration.ZERO : crashAfter;
                case "false" -> crashAfter = null;
                default -> problems.add(CRASH + ": \"" + crash + "\" is neither true nor false");
            }
        }
        Duration terminateAfter = duration(annotations, TERMINATE_AFTER, problems);
        return new PodBehaviour(readyAfter, neverReady, crashAfter, terminateAfter, problems);
    }

    private static Duration duration(Map<String, String> annotations, String key, List<String> problems) {
        String value = annotations.get(key);
        if (value == null) {
            return null;
        }
        Optional<Duration> parsed = GoDuration.parse(value);
        if (parsed.isEmpty()) {
            problems.add(key + ": \"" + value + "\" is not a duration such as 30s or 1m30s");
            return null;
        }
        return parsed.get();
    }
}
