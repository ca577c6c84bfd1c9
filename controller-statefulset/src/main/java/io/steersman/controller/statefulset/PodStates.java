package io.steersman.controller.statefulset;

import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.Pods;
import java.time.Instant;

/**
 * The pod predicates the StatefulSet controller decides by, as upstream names them. Note that
 * {@link #isTerminating} here is upstream's StatefulSet sense (any deletionTimestamp), wider than
 * {@link Pods#isTerminating}. Pure; thread-safe.
 */
final class PodStates {
    private PodStates() {}

    /** {@code isCreated}: the API server has the pod (it has a phase); slots not created yet have none. */
    static boolean isCreated(Pod pod) {
        return pod.status().phase() != null && !pod.status().phase().isEmpty();
    }

    static boolean isPending(Pod pod) {
        return PodStatus.PENDING.equals(pod.status().phase());
    }

    /** Failed or Succeeded: the pod is deleted and recreated with the same name. */
    static boolean isFinished(Pod pod) {
        return Pods.isTerminal(pod);
    }

    static boolean isTerminating(Pod pod) {
        return pod.metadata().isBeingDeleted();
    }

    static boolean isRunningAndReady(Pod pod) {
        return PodStatus.RUNNING.equals(pod.status().phase()) && Pods.isReady(pod);
    }

    /** {@code isRunningAndAvailable}: upstream checks availability only (Ready for minReadySeconds). */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        return Pods.isAvailable(pod, minReadySeconds, now);
    }

    /** {@code isUnavailable}: not available, or being deleted. */
    static boolean isUnavailable(Pod pod, int minReadySeconds, Instant now) {
        return !isAvailable(pod, minReadySeconds, now) || isTerminating(pod);
    }

    static boolean isHealthy(Pod pod) {
        return isRunningAndReady(pod) && !isTerminating(pod);
    }
}
