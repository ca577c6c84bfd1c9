package io.steersman.controller.statefulset;

import io.steersman.api.client.Client;
import io.steersman.api.client.ConflictException;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.IntOrStrings;
import io.steersman.api.model.apps.ControllerRevision;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetStatus;
import io.steersman.api.model.apps.StatefulSetUpdateStrategy;
import io.steersman.api.model.core.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass of upstream's {@code UpdateStatefulSet} ({@code stateful_set_control.go}) over a set and
 * the pods it owns: resolve the revisions, bring the pods one step nearer the spec, write the
 * status, trim the history.
 *
 * <p>The step, for pods in ordinal range ({@code [start, start + replicas)}) in ascending order:
 * a Failed or Succeeded pod is deleted (and recreated with its name next pass); a missing pod gets
 * its claims and is created (at the current revision below the partition, else at the update
 * revision); with OrderedReady a pass stops at the first creation and at the first pod that is
 * terminating, not Running and Ready, or not available for minReadySeconds, so ordinal i starts
 * only once 0..i-1 are ready. Then the pods out of range are deleted highest ordinal first, with
 * OrderedReady one per pass, each only once it is the last unhealthy pod or all are healthy, and
 * waiting until a terminating one is gone. Last, RollingUpdate deletes the highest-ordinal pod (at or
 * above the partition) that is not at the update revision, one per pass, waiting while a pod is
 * unavailable; OnDelete leaves revisions to the user. Parallel skips the waiting and ordering for
 * creation and scale-down (not for the rolling update), creating in slow-start batches. With the
 * MaxUnavailableStatefulSet gate ({@code steersman.statefulset.max-unavailable=true}) the rolling
 * update replaces up to {@code rollingUpdate.maxUnavailable} pods at once.
 *
 * <p>Example: 3 replicas, OrderedReady, an image change. Pass 1 deletes web-2; its deletion brings
 * pass 2, which recreates web-2 at the new revision and stops (web-2 is not Ready). When web-2 is
 * Ready, a pass deletes web-1, and so on down to web-0; then currentRevision becomes the update
 * revision. Not thread-safe: one per reconcile.
 */
final class StatefulSetControl {
    private final Client client;
    private final StatefulPodControl podControl;
    private final Instant now;
    private final StatefulSet set;
    private final int minReadySeconds;
    private final boolean maxUnavailableGate;

    /** @param maxUnavailableGate upstream's MaxUnavailableStatefulSet feature gate: honour {@code rollingUpdate.maxUnavailable} */
    StatefulSetControl(Client client, EventRecorder events, Instant now, StatefulSet set, boolean maxUnavailableGate) {
        this.client = client;
        this.podControl = new StatefulPodControl(client, events);
        this.now = now;
        this.set = set;
        this.minReadySeconds = set.spec().minReadySecondsOrZero();
        this.maxUnavailableGate = maxUnavailableGate;
    }

    /** Runs the pass; returns the status as computed (written when it changed). Failures are thrown after the status is written. */
    StatefulSetStatus update(List<Pod> pods, List<ControllerRevision> revisions) {
        List<ControllerRevision> sorted = new ArrayList<>(revisions);
        sorted.sort(History.BY_REVISION);
        Revisions resolved = Revisions.resolve(client, set, sorted);
        RuntimeException failure = null;
        StatefulSetStatus status;
        Pass pass = new Pass(resolved);
        try {
            pass.run(pods);
        } catch (RuntimeException e) {
            failure = e;
        }
        status = pass.status.toStatus(set, resolved.current.name(), resolved.update.name(), resolved.collisionCount);
        status = ReplicaStatus.completeRollingUpdate(set, status);
        if (ReplicaStatus.differs(set.status(), status)) {
            try {
                client.updateStatus(set.withStatus(status));
            } catch (ConflictException newer) {
                // A newer version of the set exists; its event brings another pass.
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        Set<String> live = new HashSet<>();
        live.add(resolved.current.name());
        live.add(resolved.update.name());
        for (Pod pod : pods) {
            live.add(Identity.revision(pod));
        }
        for (ControllerRevision old : History.toTruncate(sorted, live, set.spec().revisionHistoryLimitOrDefault())) {
            try {
                client.delete(old);
            } catch (NotFoundException gone) {
                // already deleted
            }
        }
        if (failure != null) {
            throw failure;
        }
        return status;
    }

    /** The work of one pass over the pods, and the status counts it ends with. */
    private final class Pass {
        private final ControllerRevision currentRevision;
        private final ControllerRevision updateRevision;
        private final StatefulSet currentSet;
        private final StatefulSet updateSet;
        private final boolean monotonic = !set.spec().isParallel();
        ReplicaStatus status;
        private Pod[] replicas;
        private List<Pod> condemned;
        private Pod firstUnhealthy;

        Pass(Revisions revisions) {
            this.currentRevision = revisions.current;
            this.updateRevision = revisions.update;
            this.currentSet = History.apply(set, currentRevision);
            this.updateSet = History.apply(set, updateRevision);
        }

        void run(List<Pod> pods) {
            status = count(pods);
            partition(pods);
            if (set.metadata().isBeingDeleted()) {
                return;
            }
            if (runForAll(replicas.length, this::processReplica)) {
                status = count(all());
                return;
            }
            if (runForAll(condemned.size(), this::fixCondemnedClaims)) {
                status = count(all());
                return;
            }
            if (runForAll(condemned.size(), this::processCondemned)) {
                status = count(all());
                return;
            }
            status = count(all());
            StatefulSetUpdateStrategy strategy = set.spec().updateStrategy();
            if (strategy != null && StatefulSetUpdateStrategy.ON_DELETE.equals(strategy.type())) {
                return;
            }
            if (maxUnavailableGate) {
                rollingUpdateWithMaxUnavailable(strategy);
            } else {
                rollingUpdate(strategy);
            }
        }

        /** Pods in range by index, the rest with a valid ordinal condemned (highest first), new pods for empty slots. */
        private void partition(List<Pod> pods) {
            int start = Identity.startOrdinal(set);
            replicas = new Pod[set.spec().replicasOrDefault()];
            condemned = new ArrayList<>();
            for (Pod pod : pods) {
                int ordinal = Identity.ordinal(pod);
                if (Identity.inOrdinalRange(set, pod)) {
                    replicas[ordinal - start] = pod;
                } else if (ordinal >= 0) {
                    condemned.add(pod);
                }
            }
            for (int i = 0; i < replicas.length; i++) {
                if (replicas[i] == null) {
                    replicas[i] = newVersionedPod(start + i);
                }
            }
            condemned.sort(Comparator.comparingInt((Pod p) -> Identity.ordinal(p)).reversed());
            for (Pod pod : replicas) {
                if (firstUnhealthy == null && PodStates.isUnavailable(pod, minReadySeconds, now)) {
                    firstUnhealthy = pod;
                }
            }
            for (int i = condemned.size() - 1; i >= 0 && firstUnhealthy == null; i--) {
                if (PodStates.isUnavailable(condemned.get(i), minReadySeconds, now)) {
                    firstUnhealthy = condemned.get(i);
                }
            }
        }

        /**
         * {@code newVersionedStatefulSetPod}: below the partition (or, without a rollingUpdate
         * block, below start + currentReplicas) a RollingUpdate set recreates pods at the current
         * revision; all others get the update revision.
         */
        private Pod newVersionedPod(int ordinal) {
            StatefulSetUpdateStrategy strategy = currentSet.spec().updateStrategy();
            boolean rolling = strategy == null || StatefulSetUpdateStrategy.ROLLING_UPDATE.equals(strategy.type());
            int start = Identity.startOrdinal(set);
            boolean atCurrent = (rolling && (strategy == null || strategy.rollingUpdate() == null)
                    && ordinal < start + currentSet.status().currentReplicasOrZero())
                    || (strategy != null && strategy.rollingUpdate() != null && ordinal < start + strategy.partitionOrZero());
            return atCurrent
                    ? Identity.newPod(currentSet, currentSet.spec().template(), ordinal, currentRevision.name())
                    : Identity.newPod(updateSet, updateSet.spec().template(), ordinal, updateRevision.name());
        }

        /** {@code processReplica}; true ends the pass. */
        private boolean processReplica(int i) {
            Pod pod = replicas[i];
            if (PodStates.isFinished(pod)) {
                if (!pod.metadata().isBeingDeleted()) {
                    podControl.deletePod(set, pod);
                }
                return true;
            }
            if (!PodStates.isCreated(pod)) {
                if (podControl.claimIsStale(set, pod)) {
                    return true;
                }
                podControl.createPod(set, pod);
                if (monotonic) {
                    return true;
                }
            }
            if (PodStates.isPending(pod)) {
                podControl.createMissingClaims(set, pod);
            }
            if (monotonic && (PodStates.isTerminating(pod) || !PodStates.isRunningAndReady(pod)
                    || !PodStates.isAvailable(pod, minReadySeconds, now))) {
                return true;
            }
            boolean retentionMatch;
            try {
                retentionMatch = podControl.claimsMatchRetentionPolicy(updateSet, pod);
            } catch (RuntimeException e) {
                retentionMatch = true;
            }
            if (Identity.identityMatches(set, pod) && Identity.storageMatches(set, pod) && retentionMatch) {
                return false;
            }
            podControl.updatePod(updateSet, pod);
            return false;
        }

        private boolean fixCondemnedClaims(int i) {
            Pod pod = condemned.get(i);
            if (!podControl.claimsMatchRetentionPolicy(updateSet, pod)) {
                podControl.updateClaimsForRetentionPolicy(updateSet, pod);
            }
            return false;
        }

        /** {@code processCondemned}; true ends the pass. */
        private boolean processCondemned(int i) {
            Pod pod = condemned.get(i);
            if (PodStates.isTerminating(pod)) {
                return monotonic;
            }
            if (monotonic && pod != firstUnhealthy && (!PodStates.isRunningAndReady(pod)
                    || !PodStates.isAvailable(pod, minReadySeconds, now))) {
                return true;
            }
            podControl.deletePod(set, pod);
            return true;
        }

        /** The default rolling update (MaxUnavailableStatefulSet off): one pod per pass, highest ordinal first. */
        private void rollingUpdate(StatefulSetUpdateStrategy strategy) {
            int updateMin = strategy != null && strategy.rollingUpdate() != null ? strategy.partitionOrZero() : 0;
            for (int target = replicas.length - 1; target >= updateMin; target--) {
                Pod pod = replicas[target];
                if (!Identity.revision(pod).equals(updateRevision.name()) && !PodStates.isTerminating(pod)) {
                    podControl.deletePod(set, pod);
                    status = status.withCurrentReplicas(status.currentReplicas() - 1);
                    return;
                }
                if (PodStates.isUnavailable(pod, minReadySeconds, now)) {
                    return;
                }
            }
        }

        /**
         * {@code updateStatefulSetAfterInvariantEstablished} (MaxUnavailableStatefulSet on): with
         * maxUnavailable m (an int, or a percentage of replicas rounded down; at least 1, default
         * 1) and u pods in range unavailable, deletes up to m - u outdated pods, highest ordinal
         * first, down to the partition. 5 replicas, maxUnavailable 2, all ready: web-4 and web-3
         * go in one pass; the next deletions wait until fewer than 2 are unavailable.
         */
        private void rollingUpdateWithMaxUnavailable(StatefulSetUpdateStrategy strategy) {
            int updateMin = 0;
            int maxUnavailable = 1;
            if (strategy != null && strategy.rollingUpdate() != null) {
                updateMin = strategy.partitionOrZero();
                IntOrString configured = strategy.rollingUpdate().maxUnavailable();
                maxUnavailable = Math.max(1, IntOrStrings.scaledValue(configured == null ? IntOrString.of(1) : configured,
                        replicas.length, false));
            }
            int unavailable = 0;
            for (Pod pod : replicas) {
                if (PodStates.isUnavailable(pod, minReadySeconds, now)) {
                    unavailable++;
                }
            }
            int toDelete = maxUnavailable - unavailable;
            for (int target = replicas.length - 1; target >= updateMin && toDelete > 0; target--) {
                Pod pod = replicas[target];
                if (!Identity.revision(pod).equals(updateRevision.name()) && !PodStates.isTerminating(pod)) {
                    podControl.deletePod(set, pod);
                    toDelete--;
                    status = status.withCurrentReplicas(status.currentReplicas() - 1);
                }
            }
        }

        /**
         * {@code runForAll}: in order, stopping at the first that ends the pass (OrderedReady), or
         * all of them in slow-start batches of 1, 2, 4, ... (Parallel), stopping after a batch in
         * which one failed. True when the pass must end.
         */
        private boolean runForAll(int count, Step step) {
            if (monotonic) {
                for (int i = 0; i < count; i++) {
                    if (step.run(i)) {
                        return true;
                    }
                }
                return false;
            }
            int next = 0;
            for (int batch = Math.min(1, count); next < count; batch = Math.min(2 * batch, count - next)) {
                RuntimeException failure = null;
                for (int end = next + batch; next < end; next++) {
                    try {
                        step.run(next);
                    } catch (RuntimeException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }
            return false;
        }

        private List<Pod> all() {
            List<Pod> all = new ArrayList<>(Arrays.asList(replicas));
            all.addAll(condemned);
            return all;
        }

        private ReplicaStatus count(List<Pod> pods) {
            return ReplicaStatus.of(pods, minReadySeconds, now, currentRevision.name(), updateRevision.name());
        }
    }

    @FunctionalInterface
    private interface Step {
        boolean run(int index);
    }
}
