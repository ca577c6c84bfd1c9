package io.steersman.controller.deployment;

import io.steersman.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The RollingUpdate strategy, as upstream's {@code rolling.go}. Each pass does one step and ends:
 * grow the new ReplicaSet within replicas + maxSurge, or shrink old ones as far as keeps
 * replicas − maxUnavailable available (unhealthy old replicas first), or, when nothing moves,
 * clean up history and write status. The ReplicaSet controller picks which pods go.
 */
final class RollingUpdate {
    private RollingUpdate() {}

    static void rollout(Sync sync) {
        Sync.Sets sets = sync.allReplicaSetsAndSyncRevision(true);
        ReplicaSet newRS = sets.newRS();
        List<ReplicaSet> all = sets.all();
        if (reconcileNewReplicaSet(sync, all, newRS)) {
            Progress.syncRolloutStatus(sync, sets);
            return;
        }
        if (reconcileOldReplicaSets(sync, all, ReplicaSets.active(sets.oldRSs()), newRS)) {
            Progress.syncRolloutStatus(sync, sets);
            return;
        }
        if (Progress.complete(sync.d, sync.d.status())) {
            sync.cleanupDeployment(sets.oldRSs());
        }
        Progress.syncRolloutStatus(sync, sets);
    }

    /**
     * Scales the new RS down to replicas when above, otherwise up by what the surge allows
     * ({@link RolloutMath#newReplicaSetReplicasRolling}). True if it scaled.
     */
    static boolean reconcileNewReplicaSet(Sync sync, List<ReplicaSet> all, ReplicaSet newRS) {
        int replicas = sync.replicas();
        int current = ReplicaSets.replicas(newRS);
        if (current == replicas) {
            return false;
        }
        if (current > replicas) {
            return Sync.scaled(newRS, sync.scaleAndRecordEvent(newRS, replicas));
        }
        int target = RolloutMath.newReplicaSetReplicasRolling(replicas, ReplicaSets.maxSurge(sync.d), ReplicaSets.specSum(all), current);
        return Sync.scaled(newRS, sync.scaleAndRecordEvent(newRS, target));
    }

    /**
     * Scales old RSes down without going below minimum availability: 3 replicas, maxUnavailable 1,
     * old 3 available + new 1 unavailable may lose 4 − 2 − 1 = 1 old pod. True if it scaled.
     */
    static boolean reconcileOldReplicaSets(Sync sync, List<ReplicaSet> all, List<ReplicaSet> oldActive, ReplicaSet newRS) {
        if (ReplicaSets.specSum(oldActive) == 0) {
            return false;
        }
        int minAvailable = sync.replicas() - ReplicaSets.maxUnavailable(sync.d);
        int newUnavailable = ReplicaSets.replicas(newRS) - newRS.status().availableReplicasOrZero();
        int maxScaledDown = RolloutMath.maxScaledDown(ReplicaSets.specSum(all), minAvailable, newUnavailable);
        if (maxScaledDown <= 0) {
            return false;
        }
        List<ReplicaSet> old = cleanupUnhealthyReplicas(sync, oldActive, maxScaledDown);
        int cleaned = ReplicaSets.specSum(oldActive) - ReplicaSets.specSum(old);
        int scaledDown = scaleDownOldReplicaSetsForRollingUpdate(sync, ReplicaSets.with(old, newRS), old);
        return cleaned + scaledDown > 0;
    }

    /**
     * Scales old RSes down by their unavailable replicas, oldest first, within the budget: those
     * pods serve nobody, and removing them cannot lower availability (issue 16737 upstream).
     */
    static List<ReplicaSet> cleanupUnhealthyReplicas(Sync sync, List<ReplicaSet> oldActive, int maxCleanupCount) {
        List<ReplicaSet> old = new ArrayList<>(oldActive);
        old.sort(ReplicaSets.BY_CREATION);
        int total = 0;
        for (int i = 0; i < old.size(); i++) {
            if (total >= maxCleanupCount) {
                break;
            }
            ReplicaSet rs = old.get(i);
            int spec = ReplicaSets.replicas(rs);
            int available = rs.status().availableReplicasOrZero();
            if (spec == 0 || spec == available) {
                continue;
            }
            int count = Math.min(maxCleanupCount - total, spec - available);
            if (count <= 0) {
                // more available than wanted: nothing unhealthy to remove
                continue;
            }
            old.set(i, sync.scaleAndRecordEvent(rs, spec - count));
            total += count;
        }
        return old;
    }

    /** Scales old RSes down, oldest first, by what availability above minAvailable allows. Returns the count. */
    static int scaleDownOldReplicaSetsForRollingUpdate(Sync sync, List<ReplicaSet> all, List<ReplicaSet> oldRSs) {
        int minAvailable = sync.replicas() - ReplicaSets.maxUnavailable(sync.d);
        int available = ReplicaSets.availableSum(all);
        if (available <= minAvailable) {
            return 0;
        }
        List<ReplicaSet> old = new ArrayList<>(oldRSs);
        old.sort(ReplicaSets.BY_CREATION);
        int budget = available - minAvailable;
        int total = 0;
        for (ReplicaSet rs : old) {
            if (total >= budget) {
                break;
            }
            int spec = ReplicaSets.replicas(rs);
            if (spec == 0) {
                continue;
            }
            int count = Math.min(spec, budget - total);
            sync.scaleAndRecordEvent(rs, spec - count);
            total += count;
        }
        return total;
    }
}
