package io.steersman.controller.deployment;

import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.apps.ReplicaSet;
import java.util.List;

/**
 * The Recreate strategy, as upstream's {@code recreate.go}: every old ReplicaSet to zero, then wait
 * until no old pod exists in a non-terminal phase (terminating ones included), and only then
 * create or scale up the new ReplicaSet. Old and new pods never overlap.
 */
final class Recreate {
    private Recreate() {}

    static void rollout(Sync sync) {
        // Do not create the new RS yet: it would scale up before the old pods are gone.
        Sync.Sets sets = sync.allReplicaSetsAndSyncRevision(false);
        boolean scaledDown = false;
        for (ReplicaSet old : ReplicaSets.active(sets.oldRSs())) {
            scaledDown |= Sync.scaled(old, sync.scaleAndRecordEvent(old, 0));
        }
        if (scaledDown) {
            Progress.syncRolloutStatus(sync, sets);
            return;
        }
        if (oldPodsRunning(sync, sets)) {
            Progress.syncRolloutStatus(sync, sets);
            return;
        }
        if (sets.newRS() == null) {
            sets = sync.allReplicaSetsAndSyncRevision(true);
        }
        ReplicaSet newRS = sets.newRS();
        if (ReplicaSets.replicas(newRS) != sync.replicas()) {
            sync.scaleAndRecordEvent(newRS, sync.replicas());
        }
        if (Progress.complete(sync.d, sync.d.status())) {
            sync.cleanupDeployment(sets.oldRSs());
        }
        Progress.syncRolloutStatus(sync, sets);
    }

    /** {@code oldPodsRunning}: an old RS still counts pods, or an old pod is not yet Succeeded/Failed. */
    static boolean oldPodsRunning(Sync sync, Sync.Sets sets) {
        if (ReplicaSets.statusSum(sets.oldRSs()) > 0) {
            return true;
        }
        for (ReplicaSet old : sets.oldRSs()) {
            List<Pod> pods = sync.client.listControlledBy(Pod.class, old);
            for (Pod pod : pods) {
                if (!Pods.isTerminal(pod)) {
                    return true;
                }
            }
        }
        return false;
    }
}
