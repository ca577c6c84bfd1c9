package io.steersman.controller.deployment;

import io.steersman.api.model.IntOrString;
import io.steersman.api.model.IntOrStrings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of a rollout, as upstream's {@code deployment/util}: pure functions over numbers,
 * so every rule can be checked against upstream's own table tests.
 */
final class RolloutMath {
    private RolloutMath() {}

    /** The two fenceposts of a rolling update, resolved against a replica count. */
    record Fenceposts(int maxSurge, int maxUnavailable) {}

    /**
     * An IntOrString scaled against {@code total}: an int as it is, a percentage rounded up or down
     * ({@code intstr.GetScaledValueFromIntOrPercent}); absent counts as zero, as in {@code ResolveFenceposts}.
     */
    static int scaledValue(IntOrString value, int total, boolean roundUp) {
        return value == null ? 0 : IntOrStrings.scaledValue(value, total, roundUp);
    }

    /**
     * {@code ResolveFenceposts}: maxSurge rounds up, maxUnavailable rounds down, and when both come
     * out at zero maxUnavailable becomes 1 so that a rollout can always make progress
     * (3 replicas, 0 surge, 25% unavailable: 0/0 becomes 0/1). Absent values count as zero.
     */
    static Fenceposts resolveFenceposts(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
        int surge = scaledValue(maxSurge, desired, true);
        int unavailable = scaledValue(maxUnavailable, desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Fenceposts(surge, unavailable);
    }

    /** {@code MaxSurge}: zero unless the strategy is RollingUpdate. */
    static int maxSurge(boolean rollingUpdate, IntOrString maxSurge, IntOrString maxUnavailable, int replicas) {
        if (!rollingUpdate) {
            return 0;
        }
        return resolveFenceposts(maxSurge, maxUnavailable, replicas).maxSurge();
    }

    /** {@code MaxUnavailable}: zero unless rolling with replicas, and never more than replicas. */
    static int maxUnavailable(boolean rollingUpdate, IntOrString maxSurge, IntOrString maxUnavailable, int replicas) {
        if (!rollingUpdate || replicas == 0) {
            return 0;
        }
        return Math.min(replicas, resolveFenceposts(maxSurge, maxUnavailable, replicas).maxUnavailable());
    }

    /**
     * {@code NewRSNewReplicas} for RollingUpdate: the new ReplicaSet grows by as much as the surge
     * allows, never beyond replicas. 3 replicas, surge 1, old RS at 3, new at 0: 4 may exist, 3 do,
     * so the new RS goes to 1. {@code currentPodCount} is the sum of spec.replicas of every RS.
     */
    static int newReplicaSetReplicasRolling(int replicas, int maxSurge, int currentPodCount, int newReplicaSetReplicas) {
        int maxTotalPods = replicas + maxSurge;
        if (currentPodCount >= maxTotalPods) {
            return newReplicaSetReplicas;
        }
        int scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - newReplicaSetReplicas);
        return newReplicaSetReplicas + scaleUpCount;
    }

    /**
     * How many old replicas {@code reconcileOldReplicaSets} may remove at most: all pods, minus
     * what must stay available, minus the new RS's pods that are not available yet.
     * 3 replicas, unavailable 1, old 3 + new 1 (unavailable): 4 − 2 − 1 = 1.
     */
    static int maxScaledDown(int allPodsCount, int minAvailable, int newReplicaSetUnavailable) {
        return allPodsCount - minAvailable - newReplicaSetUnavailable;
    }

    /**
     * {@code getReplicaSetFraction}: how much an RS grows (or shrinks, negative) when the Deployment
     * is resized mid-rollout: its share of the new allowed size (replicas + surge) according to the
     * size it had under the last allowed size ({@code max-replicas}, else the Deployment's
     * status.replicas; neither known: no change). 8 of 13 scaled to 33: round(8·33/13) − 8 = 12.
     */
    static int replicaSetFraction(int rsReplicas, int deploymentReplicas, int maxSurge, Integer annotatedMaxReplicas,
            int deploymentStatusReplicas) {
        if (deploymentReplicas == 0) {
            return -rsReplicas;
        }
        int allowed = deploymentReplicas + maxSurge;
        // A missing or zero max-replicas (removed or zeroed by a third party) falls back to the
        // Deployment's status.replicas; with that at zero too, upstream leaves the RS alone.
        int annotated = annotatedMaxReplicas != null && annotatedMaxReplicas != 0
                ? annotatedMaxReplicas : deploymentStatusReplicas;
        if (annotated == 0) {
            return 0;
        }
        double newSize = (double) ((long) rsReplicas * allowed) / annotated;
        return roundHalfAwayFromZero(newSize) - rsReplicas;
    }

    /**
     * {@code GetReplicaSetProportion}: the fraction, bounded by what is still to be added (or
     * removed); nothing for an RS at zero or when everything has been handed out.
     */
    static int proportion(int rsReplicas, int fraction, int toAdd, int added) {
        if (rsReplicas == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** An active ReplicaSet taking part in a proportional scale. */
    record Share(String name, Instant created, int replicas, Integer maxReplicasAnnotation) {}

    /** What a proportional scale decided for one ReplicaSet. */
    record Scaled(String name, int replicas) {}

    /**
     * {@code DeploymentController.scale} for several active RSes of a rolling Deployment: distributes
     * {@code allowed − Σ replicas} proportionally, larger RSes first (newer first on ties when
     * scaling up, older first when scaling down); whatever rounding leaves over goes to the first
     * RS, never below zero. Upstream e2e: old 8 / new 5 (max 13), scaled to 30 with surge 3 gives
     * 20 / 13. Returns the sizes in the order they are applied.
     */
    static List<Scaled> proportionalScale(List<Share> active, int deploymentReplicas, int maxSurge, int deploymentStatusReplicas) {
        int allowedSize = deploymentReplicas > 0 ? deploymentReplicas + maxSurge : 0;
        int current = 0;
        for (Share share : active) {
            current += share.replicas();
        }
        int toAdd = allowedSize - current;
        List<Share> sorted = new ArrayList<>(active);
        if (toAdd > 0) {
            sorted.sort(BY_SIZE_NEWER);
        } else if (toAdd < 0) {
            sorted.sort(BY_SIZE_OLDER);
        }
        int added = 0;
        int[] sizes = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Share share = sorted.get(i);
            if (toAdd != 0) {
                int fraction = replicaSetFraction(share.replicas(), deploymentReplicas, maxSurge,
                        share.maxReplicasAnnotation(), deploymentStatusReplicas);
                int proportion = proportion(share.replicas(), fraction, toAdd, added);
                sizes[i] = share.replicas() + proportion;
                added += proportion;
            } else {
                sizes[i] = share.replicas();
            }
        }
        if (!sorted.isEmpty() && toAdd != 0) {
            sizes[0] = Math.max(0, sizes[0] + toAdd - added);
        }
        List<Scaled> result = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            result.add(new Scaled(sorted.get(i).name(), sizes[i]));
        }
        return result;
    }

    /** Older first by creation time, then by name: {@code ReplicaSetsByCreationTimestamp}. */
    static final Comparator<Share> BY_CREATION = Comparator
            .comparing(Share::created, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Share::name);

    /** {@code ReplicaSetsBySizeNewer}: larger first, then newer first. */
    static final Comparator<Share> BY_SIZE_NEWER = Comparator.comparingInt(Share::replicas).reversed()
            .thenComparing(BY_CREATION.reversed());

    /** {@code ReplicaSetsBySizeOlder}: larger first, then older first. */
    static final Comparator<Share> BY_SIZE_OLDER = Comparator.comparingInt(Share::replicas).reversed()
            .thenComparing(BY_CREATION);

    /** Go's {@code math.Round}: halves go away from zero (Java's Math.round sends −2.5 to −2). */
    static int roundHalfAwayFromZero(double value) {
        return (int) (value < 0 ? -Math.round(-value) : Math.round(value));
    }

    /**
     * {@code DeploymentProgressing}-free completeness of counts ({@code DeploymentComplete}): every
     * replica updated, no extra, all available, and the generation observed.
     */
    static boolean complete(int replicas, int updated, int total, int available, long observedGeneration, long generation) {
        return updated == replicas && total == replicas && available == replicas && observedGeneration >= generation;
    }
}
