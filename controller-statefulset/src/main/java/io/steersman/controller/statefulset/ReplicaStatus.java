package io.steersman.controller.statefulset;

import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetStatus;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Pod;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The counts of a StatefulSet's status, as upstream's {@code computeReplicaStatus},
 * {@code completeRollingUpdate} and {@code inconsistentStatus}. {@code replicas} counts created
 * pods (terminating ones too), {@code readyReplicas} Running and Ready ones, {@code availableReplicas}
 * those Ready for minReadySeconds, {@code currentReplicas}/{@code updatedReplicas} created pods not
 * being deleted whose revision label is the current/update revision. Pure; thread-safe.
 */
record ReplicaStatus(int replicas, int readyReplicas, int availableReplicas, int currentReplicas, int updatedReplicas) {

    static ReplicaStatus of(Collection<Pod> pods, int minReadySeconds, Instant now, String currentRevision, String updateRevision) {
        int replicas = 0;
        int ready = 0;
        int available = 0;
        int current = 0;
        int updated = 0;
        for (Pod pod : pods) {
            boolean created = PodStates.isCreated(pod);
            if (created) {
                replicas++;
            }
            if (PodStates.isRunningAndReady(pod)) {
                ready++;
                if (PodStates.isAvailable(pod, minReadySeconds, now)) {
                    available++;
                }
            }
            if (created && !PodStates.isTerminating(pod)) {
                String revision = Identity.revision(pod);
                if (revision.equals(currentRevision)) {
                    current++;
                }
                if (revision.equals(updateRevision)) {
                    updated++;
                }
            }
        }
        return new ReplicaStatus(replicas, ready, available, current, updated);
    }

    ReplicaStatus withCurrentReplicas(int currentReplicas) {
        return new ReplicaStatus(replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas);
    }

    /** The status to write: these counts, the revisions, the generation observed and the collision count. */
    StatefulSetStatus toStatus(StatefulSet set, String currentRevision, String updateRevision, int collisionCount) {
        StatefulSetStatus old = set.status();
        return new StatefulSetStatus(set.metadata().generationOrZero(), replicas, readyReplicas, currentReplicas,
                updatedReplicas, availableReplicas, currentRevision, updateRevision, collisionCount, old.conditions(),
                old.unknownFields());
    }

    /**
     * {@code completeRollingUpdate}: with RollingUpdate, once every wanted replica exists, is updated
     * and ready, the update revision becomes the current one. Upstream never does this for OnDelete
     * (kubernetes#73492, #106055); Steersman follows upstream as released.
     */
    static StatefulSetStatus completeRollingUpdate(StatefulSet set, StatefulSetStatus status) {
        StatefulSetUpdateStrategy strategy = set.spec().updateStrategy();
        boolean rolling = strategy == null || strategy.type() == null || StatefulSetUpdateStrategy.ROLLING_UPDATE.equals(strategy.type());
        int wanted = set.spec().replicasOrDefault();
        if (rolling && status.updatedReplicasOrZero() == wanted && status.readyReplicasOrZero() == wanted
                && status.replicasOrZero() == wanted) {
            return new StatefulSetStatus(status.observedGeneration(), status.replicas(), status.readyReplicas(),
                    status.updatedReplicas(), status.updatedReplicas(), status.availableReplicas(), status.updateRevision(),
                    status.updateRevision(), status.collisionCount(), status.conditions(), status.unknownFields());
        }
        return status;
    }

    /** {@code inconsistentStatus}: whether the set's status must be written. */
    static boolean differs(StatefulSetStatus stored, StatefulSetStatus computed) {
        return computed.observedGenerationOrZero() > stored.observedGenerationOrZero()
                || stored.observedGeneration() == null
                || computed.replicasOrZero() != stored.replicasOrZero()
                || computed.currentReplicasOrZero() != stored.currentReplicasOrZero()
                || computed.readyReplicasOrZero() != stored.readyReplicasOrZero()
                || computed.updatedReplicasOrZero() != stored.updatedReplicasOrZero()
                || computed.availableReplicasOrZero() != stored.availableReplicasOrZero()
                || !Objects.equals(computed.currentRevision(), stored.currentRevision())
                || !Objects.equals(computed.updateRevision(), stored.updateRevision())
                || computed.collisionCountOrZero() != stored.collisionCountOrZero()
                || stored.collisionCount() == null;
    }
}
