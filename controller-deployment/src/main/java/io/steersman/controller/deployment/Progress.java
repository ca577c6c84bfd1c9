package io.steersman.controller.deployment;

import io.steersman.api.controller.Result;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentCondition;
import io.steersman.api.model.apps.DeploymentStatus;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The Progressing and Available conditions and the progress deadline, as upstream's
 * {@code progress.go}. The deadline is a report, not an action: a Deployment that made no progress
 * for progressDeadlineSeconds gets Progressing=False/ProgressDeadlineExceeded, and that is all.
 */
final class Progress {
    static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
    static final String FAILED_RS_CREATE = "ReplicaSetCreateError";
    static final String NEW_RS_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";
    static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

    private Progress() {}

    /**
     * {@code SetDeploymentCondition}: nothing changes when status and reason are the same; a new
     * reason with the same status keeps lastTransitionTime.
     */
    static DeploymentStatus setCondition(DeploymentStatus status, String type, String conditionStatus, String reason,
            String message, Instant now) {
        Optional<DeploymentCondition> current = status.condition(type);
        if (current.isPresent() && conditionStatus.equals(current.get().status()) && reason.equals(current.get().reason())) {
            return status;
        }
        Instant transition = current.isPresent() && conditionStatus.equals(current.get().status())
                ? current.get().lastTransitionTime() : now;
        return put(status, new DeploymentCondition(type, conditionStatus, now, transition, reason, message, null));
    }

    /** Replaces the condition of that type, moving it to the end as upstream's filter-and-append does. */
    private static DeploymentStatus put(DeploymentStatus status, DeploymentCondition condition) {
        return status.withoutCondition(condition.type()).withCondition(condition);
    }

    /** {@code checkPausedConditions}: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
    static void checkPausedConditions(Sync sync) {
        Deployment d = sync.d;
        if (!ReplicaSets.hasProgressDeadline(d)) {
            return;
        }
        Optional<DeploymentCondition> cond = d.status().condition(DeploymentCondition.PROGRESSING);
        if (cond.isPresent() && TIMED_OUT.equals(cond.get().reason())) {
            return;
        }
        boolean pausedConditionExists = cond.isPresent() && PAUSED.equals(cond.get().reason());
        if (d.spec().isPaused() && !pausedConditionExists) {
            sync.writeStatus(setCondition(d.status(), DeploymentCondition.PROGRESSING, "Unknown", PAUSED,
                    "Deployment is paused", sync.now()));
        } else if (!d.spec().isPaused() && pausedConditionExists) {
            sync.writeStatus(setCondition(d.status(), DeploymentCondition.PROGRESSING, "Unknown", RESUMED,
                    "Deployment is resumed", sync.now()));
        }
    }

    /** {@code syncRolloutStatus}: status, progress estimation and replica failures, then the deadline's requeue. */
    static void syncRolloutStatus(Sync sync, Sync.Sets sets) {
        Deployment d = sync.d;
        Instant now = sync.now();
        DeploymentStatus newStatus = sync.calculateStatus(sets);
        ReplicaSet newRS = sets.newRS();
        boolean hasDeadline = ReplicaSets.hasProgressDeadline(d);
        if (!hasDeadline) {
            newStatus = newStatus.withoutCondition(DeploymentCondition.PROGRESSING);
        }
        Optional<DeploymentCondition> currentCond = d.status().condition(DeploymentCondition.PROGRESSING);
        boolean isComplete = newStatus.replicasOrZero() == newStatus.updatedReplicasOrZero() && currentCond.isPresent()
                && NEW_RS_AVAILABLE.equals(currentCond.get().reason());
        if (hasDeadline && !isComplete) {
            if (complete(d, newStatus)) {
                String message = newRS != null
                        ? "ReplicaSet \"" + newRS.name() + "\" has successfully progressed."
                        : "Deployment \"" + d.name() + "\" has successfully progressed.";
                newStatus = setCondition(newStatus, DeploymentCondition.PROGRESSING, "True", NEW_RS_AVAILABLE, message, now);
            } else if (progressing(d, newStatus)) {
                String message = newRS != null
                        ? "ReplicaSet \"" + newRS.name() + "\" is progressing."
                        : "Deployment \"" + d.name() + "\" is progressing.";
                // Unlike other conditions, progress replaces the condition even with the same
                // reason, so lastUpdateTime moves and the deadline starts again.
                Instant transition = currentCond.isPresent() && currentCond.get().isTrue()
                        ? currentCond.get().lastTransitionTime() : now;
                newStatus = put(newStatus, new DeploymentCondition(DeploymentCondition.PROGRESSING, "True", now, transition,
                        REPLICA_SET_UPDATED, message, null));
            } else if (timedOut(d, newStatus, now)) {
                String message = newRS != null
                        ? "ReplicaSet \"" + newRS.name() + "\" has timed out progressing."
                        : "Deployment \"" + d.name() + "\" has timed out progressing.";
                newStatus = setCondition(newStatus, DeploymentCondition.PROGRESSING, "False", TIMED_OUT, message, now);
            }
        }
        Optional<DeploymentCondition> failure = replicaFailure(sync.latest(sets.all()), newRS == null ? null : sync.latest(java.util.List.of(newRS)).get(0));
        if (failure.isPresent()) {
            DeploymentCondition f = failure.get();
            newStatus = setCondition(newStatus, f.type(), f.status(), f.reason(), f.message(), f.lastTransitionTime());
        } else {
            newStatus = newStatus.withoutCondition(DeploymentCondition.REPLICA_FAILURE);
        }
        if (newStatus.equals(d.status())) {
            sync.requeue = sync.requeue.sooner(requeueStuck(d, newStatus, now));
            return;
        }
        sync.writeStatus(newStatus);
        // Upstream relies on the status update's own event to come back; the deadline still needs a visit.
        sync.requeue = sync.requeue.sooner(requeueStuck(sync.d, newStatus, now));
    }

    /** {@code DeploymentComplete}. */
    static boolean complete(Deployment d, DeploymentStatus status) {
        return RolloutMath.complete(d.spec().replicasOrDefault(), status.updatedReplicasOrZero(), status.replicasOrZero(),
                status.availableReplicasOrZero(), status.observedGenerationOrZero(), d.metadata().generationOrZero());
    }

    /** {@code DeploymentProgressing}: more updated, fewer old, more ready or more available than last written. */
    static boolean progressing(Deployment d, DeploymentStatus newStatus) {
        DeploymentStatus old = d.status();
        int oldOld = old.replicasOrZero() - old.updatedReplicasOrZero();
        int newOld = newStatus.replicasOrZero() - newStatus.updatedReplicasOrZero();
        return newStatus.updatedReplicasOrZero() > old.updatedReplicasOrZero() || newOld < oldOld
                || newStatus.readyReplicasOrZero() > old.readyReplicasOrZero()
                || newStatus.availableReplicasOrZero() > old.availableReplicasOrZero();
    }

    /**
     * {@code DeploymentTimedOut}: the Progressing condition (not a finished rollout's) was last
     * updated more than progressDeadlineSeconds ago, strictly.
     */
    static boolean timedOut(Deployment d, DeploymentStatus newStatus, Instant now) {
        if (!ReplicaSets.hasProgressDeadline(d)) {
            return false;
        }
        Optional<DeploymentCondition> cond = newStatus.condition(DeploymentCondition.PROGRESSING);
        if (cond.isEmpty() || NEW_RS_AVAILABLE.equals(cond.get().reason())) {
            return false;
        }
        if (TIMED_OUT.equals(cond.get().reason())) {
            return true;
        }
        Instant from = cond.get().lastUpdateTime();
        return from != null && from.plusSeconds(d.spec().progressDeadlineSecondsOrDefault()).isBefore(now);
    }

    /**
     * {@code requeueStuckDeployment}: come back one second after the deadline would pass, unless
     * the rollout is complete or already timed out.
     */
    static Result requeueStuck(Deployment d, DeploymentStatus newStatus, Instant now) {
        Optional<DeploymentCondition> cond = d.status().condition(DeploymentCondition.PROGRESSING);
        if (!ReplicaSets.hasProgressDeadline(d) || cond.isEmpty() || cond.get().lastUpdateTime() == null) {
            return Result.done();
        }
        if (complete(d, newStatus) || TIMED_OUT.equals(cond.get().reason())) {
            return Result.done();
        }
        Duration after = Duration.between(now, cond.get().lastUpdateTime().plusSeconds(d.spec().progressDeadlineSecondsOrDefault()));
        if (after.compareTo(Duration.ofSeconds(1)) < 0) {
            return Result.requeueAfter(Duration.ofSeconds(1));
        }
        return Result.requeueAfter(after.plusSeconds(1));
    }

    /** {@code getReplicaFailures}: the new RS's ReplicaFailure condition, else the first old one's. */
    private static Optional<DeploymentCondition> replicaFailure(java.util.List<ReplicaSet> all, ReplicaSet newRS) {
        if (newRS != null) {
            Optional<ReplicaSetCondition> c = newRS.status().condition(ReplicaSetCondition.REPLICA_FAILURE);
            if (c.isPresent()) {
                return Optional.of(toDeploymentCondition(c.get()));
            }
        }
        for (ReplicaSet rs : all) {
            if (newRS != null && rs.uid().equals(newRS.uid())) {
                continue;
            }
            Optional<ReplicaSetCondition> c = rs.status().condition(ReplicaSetCondition.REPLICA_FAILURE);
            if (c.isPresent()) {
                return Optional.of(toDeploymentCondition(c.get()));
            }
        }
        return Optional.empty();
    }

    private static DeploymentCondition toDeploymentCondition(ReplicaSetCondition c) {
        return new DeploymentCondition(c.type(), c.status(), c.lastTransitionTime(), c.lastTransitionTime(), c.reason(),
                c.message(), null);
    }
}
