package io.steersman.controller.deployment;

import io.steersman.api.model.core.ContainerStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodCondition;
import io.steersman.api.model.core.PodStatus;
import java.time.Instant;
import java.util.Map;

/** What the controllers ask of a pod, as upstream's {@code podutil} and {@code controller} helpers answer it. */
final class Pods {
    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private Pods() {}

    /** {@code IsPodActive}: not Succeeded, not Failed, not being deleted. */
    static boolean isActive(Pod pod) {
        String phase = pod.status().phase();
        return !PodStatus.SUCCEEDED.equals(phase) && !PodStatus.FAILED.equals(phase) && !pod.metadata().isBeingDeleted();
    }

    /** Not in a terminal phase (Succeeded or Failed); terminating pods count. */
    static boolean isNotTerminal(Pod pod) {
        String phase = pod.status().phase();
        return !PodStatus.SUCCEEDED.equals(phase) && !PodStatus.FAILED.equals(phase);
    }

    /** The Ready condition, if it is True. */
    static PodCondition readyCondition(Pod pod) {
        for (PodCondition c : pod.status().conditions()) {
            if (PodCondition.READY.equals(c.type())) {
                return c.isTrue() ? c : null;
            }
        }
        return null;
    }

    static boolean isReady(Pod pod) {
        return readyCondition(pod) != null;
    }

    /**
     * {@code IsPodAvailable}: Ready, and Ready for longer than minReadySeconds (strictly) on the
     * controller's clock.
     */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        PodCondition ready = readyCondition(pod);
        return ready != null && isAvailable(ready, minReadySeconds, now);
    }

    /** The same, given the pod's True Ready condition. */
    static boolean isAvailable(PodCondition ready, int minReadySeconds, Instant now) {
        if (minReadySeconds == 0) {
            return true;
        }
        Instant since = ready.lastTransitionTime();
        return since != null && since.plusSeconds(minReadySeconds).isBefore(now);
    }

    /** When a ready pod becomes available, or null when it never will by waiting (not ready, no time). */
    static Instant availableAt(Pod pod, int minReadySeconds) {
        PodCondition ready = readyCondition(pod);
        if (ready == null || ready.lastTransitionTime() == null) {
            return null;
        }
        return ready.lastTransitionTime().plusSeconds(minReadySeconds);
    }

    static int maxRestarts(Pod pod) {
        int max = 0;
        for (ContainerStatus status : pod.status().containerStatuses()) {
            if (status.restartCount() != null) {
                max = Math.max(max, status.restartCount());
            }
        }
        return max;
    }

    /** True when {@code labels} holds every entry of {@code required}. */
    static boolean hasAll(Map<String, String> labels, Map<String, String> required) {
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
