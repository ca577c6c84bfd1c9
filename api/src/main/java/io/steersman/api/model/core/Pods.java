package io.steersman.api.model.core;

import java.time.Instant;

/**
 * What controllers, the node agent and the API server ask of a pod, with the semantics of upstream's
 * {@code podutil} ({@code IsPodReady}, {@code IsPodAvailable}) and {@code controller_utils}
 * ({@code IsPodActive}, {@code IsPodTerminal}) helpers. Pure functions of the given pod; thread-safe.
 */
public final class Pods {
    /** Annotation that orders pods for scale-down: lower cost goes first ({@code PodDeletionCost}). */
    public static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private Pods() {}

    /** A phase a pod never leaves: Succeeded or Failed. */
    public static boolean isTerminalPhase(String phase) {
        return PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase);
    }

    /** {@code IsPodTerminal}: the pod is Succeeded or Failed; pods being deleted are not terminal yet. */
    public static boolean isTerminal(Pod pod) {
        return isTerminalPhase(pod.status().phase());
    }

    /** {@code IsPodActive}: not Succeeded, not Failed, not being deleted. */
    public static boolean isActive(Pod pod) {
        return !isTerminal(pod) && !pod.metadata().isBeingDeleted();
    }

    /** {@code IsPodTerminating}: being deleted but not yet in a terminal phase ({@code kubectl}'s Terminating). */
    public static boolean isTerminating(Pod pod) {
        return pod.metadata().isBeingDeleted() && !isTerminal(pod);
    }

    /** The pod's Ready condition when it is True, else null (no condition, or False/Unknown). */
    public static PodCondition readyCondition(Pod pod) {
        for (PodCondition c : pod.status().conditions()) {
            if (PodCondition.READY.equals(c.type())) {
                return c.isTrue() ? c : null;
            }
        }
        return null;
    }

    /** {@code IsPodReady}: the Ready condition is True. */
    public static boolean isReady(Pod pod) {
        return readyCondition(pod) != null;
    }

    /** When the pod last became Ready, or null when it is not Ready or the time is unknown. */
    public static Instant readySince(Pod pod) {
        PodCondition ready = readyCondition(pod);
        return ready == null ? null : ready.lastTransitionTime();
    }

    /**
     * {@code IsPodAvailable}: Ready, and Ready for longer than {@code minReadySeconds} (strictly) at
     * {@code now} on the caller's clock.
     */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        PodCondition ready = readyCondition(pod);
        return ready != null && isAvailable(ready, minReadySeconds, now);
    }

    /** The same, given the pod's True Ready condition (for callers that looked it up already). */
    public static boolean isAvailable(PodCondition ready, int minReadySeconds, Instant now) {
        if (minReadySeconds == 0) {
            return true;
        }
        Instant since = ready.lastTransitionTime();
        return since != null && since.plusSeconds(minReadySeconds).isBefore(now);
    }

    /**
     * The instant after which a Ready pod counts as available, or null when waiting will not make it
     * available (not Ready, or no transition time).
     */
    public static Instant availableAt(Pod pod, int minReadySeconds) {
        Instant since = readySince(pod);
        return since == null ? null : since.plusSeconds(minReadySeconds);
    }

    /** The highest restart count of the pod's containers ({@code maxContainerRestarts}). */
    public static int maxRestarts(Pod pod) {
        int max = 0;
        for (ContainerStatus status : pod.status().containerStatuses()) {
            max = Math.max(max, status.restartCountOrZero());
        }
        return max;
    }
}
