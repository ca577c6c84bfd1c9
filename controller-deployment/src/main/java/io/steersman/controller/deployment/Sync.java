package io.steersman.controller.deployment;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Clock;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.Ownership;
import io.steersman.api.controller.Result;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.DeploymentCondition;
import io.steersman.api.model.apps.DeploymentStatus;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetSpec;
import io.steersman.api.model.core.PodTemplateSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pass of the Deployment controller over one Deployment: what upstream's {@code sync.go}
 * does (finding and creating the new ReplicaSet, revisions, scaling, history cleanup, status),
 * with the Deployment as last written and the ReplicaSets as this pass left them, so later steps
 * of the pass see earlier writes. Not thread-safe: one pass, one thread.
 */
final class Sync {
    static final String SCALING_REPLICA_SET = "ScalingReplicaSet";

    final Client client;
    final Clock clock;
    final EventRecorder events;
    /** The Deployment as this pass last wrote or read it. */
    Deployment d;
    /** The ReplicaSets the Deployment owns, updated with every write of this pass. */
    final List<ReplicaSet> rsList;
    /** When the loop should come back, if nothing else wakes it first. */
    Result requeue = Result.done();

    Sync(Client client, Clock clock, EventRecorder events, Deployment d, List<ReplicaSet> rsList) {
        this.client = client;
        this.clock = clock;
        this.events = events;
        this.d = d;
        this.rsList = new ArrayList<>(rsList);
        this.rsList.sort(ReplicaSets.BY_CREATION);
    }

    int replicas() {
        return d.spec().replicasOrDefault();
    }

    Instant now() {
        return clock.now();
    }

    /** New and old ReplicaSets of this Deployment, the new one possibly null. */
    record Sets(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        List<ReplicaSet> all() {
            return ReplicaSets.with(oldRSs, newRS);
        }
    }

    /** {@code FindNewReplicaSet}: the oldest RS whose template equals the Deployment's, ignoring the hash label. */
    ReplicaSet findNewReplicaSet() {
        PodTemplateSpec template = ReplicaSets.withoutHash(d.spec().template());
        for (ReplicaSet rs : rsList) {
            if (ReplicaSets.withoutHash(rs.spec().template()).equals(template)) {
                return rs;
            }
        }
        return null;
    }

    List<ReplicaSet> findOldReplicaSets(ReplicaSet newRS) {
        List<ReplicaSet> old = new ArrayList<>();
        for (ReplicaSet rs : rsList) {
            if (newRS == null || !rs.uid().equals(newRS.uid())) {
                old.add(rs);
            }
        }
        return old;
    }

    /** {@code getAllReplicaSetsAndSyncRevision}. */
    Sets allReplicaSetsAndSyncRevision(boolean createIfNotExisted) {
        List<ReplicaSet> old = findOldReplicaSets(findNewReplicaSet());
        ReplicaSet newRS = newReplicaSet(old, createIfNotExisted);
        return new Sets(newRS, findOldReplicaSets(newRS));
    }

    /**
     * {@code getNewReplicaSet}: the existing new RS with its annotations and the Deployment's revision
     * brought up to date, or (when allowed) a new RS named {@code <deployment>-<hash>} at the size
     * the strategy allows. A name taken by another template is a hash collision: collisionCount is
     * raised and the pass fails, so the next one hashes anew.
     */
    private ReplicaSet newReplicaSet(List<ReplicaSet> oldRSs, boolean createIfNotExisted) {
        ReplicaSet existing = findNewReplicaSet();
        List<Map<String, String>> oldAnnotations = new ArrayList<>(oldRSs.size());
        for (ReplicaSet rs : oldRSs) {
            oldAnnotations.add(rs.metadata().annotations());
        }
        long newRevision = Revisions.maxRevision(oldAnnotations) + 1;
        int maxReplicas = replicas() + ReplicaSets.maxSurge(d);

        if (existing != null) {
            Map<String, String> annotations = new HashMap<>(existing.metadata().annotations());
            boolean annotationsChanged = Revisions.setNewReplicaSetAnnotations(d.metadata().annotations(), annotations,
                    newRevision, true, replicas(), maxReplicas);
            boolean minReadyChanged = existing.spec().minReadySecondsOrZero() != d.spec().minReadySecondsOrZero();
            if (annotationsChanged || minReadyChanged) {
                ReplicaSet copy = existing.withMetadata(existing.metadata().withAnnotations(annotations))
                        .withSpec(existing.spec().withMinReadySeconds(d.spec().minReadySeconds()));
                return replace(client.update(copy));
            }
            boolean revisionChanged = setDeploymentRevision(existing.metadata().annotations().get(Revisions.REVISION));
            DeploymentStatus status = d.status();
            if (ReplicaSets.hasProgressDeadline(d) && status.condition(DeploymentCondition.PROGRESSING).isEmpty()) {
                status = Progress.setCondition(status, DeploymentCondition.PROGRESSING, "True", Progress.FOUND_NEW_RS,
                        "Found new replica set \"" + existing.name() + "\"", now());
            }
            writeMetadataIfChanged(revisionChanged);
            writeStatus(status);
            return existing;
        }
        if (!createIfNotExisted) {
            return null;
        }

        PodTemplateSpec template = d.spec().template();
        String hash = TemplateHash.compute(template, d.status().collisionCount());
        PodTemplateSpec rsTemplate = template.withMetadata(template.metadata().withLabel(ReplicaSets.POD_TEMPLATE_HASH, hash));
        LabelSelector selector = d.spec().selector();
        Map<String, String> matchLabels = new HashMap<>(selector.matchLabels());
        matchLabels.put(ReplicaSets.POD_TEMPLATE_HASH, hash);
        LabelSelector rsSelector = new LabelSelector(matchLabels, selector.matchExpressions(), selector.unknownFields());
        String name = d.name() + "-" + hash;
        int newReplicas = ReplicaSets.isRollingUpdate(d)
                ? RolloutMath.newReplicaSetReplicasRolling(replicas(), ReplicaSets.maxSurge(d), ReplicaSets.specSum(oldRSs), 0)
                : replicas();
        Map<String, String> annotations = new HashMap<>();
        Revisions.setNewReplicaSetAnnotations(d.metadata().annotations(), annotations, newRevision, false, replicas(), maxReplicas);
        ReplicaSet wanted = ReplicaSet.of(
                ObjectMeta.builder().name(name).namespace(d.namespace()).labels(rsTemplate.metadata().labels())
                        .annotations(annotations).ownerReferences(List.of(OwnerReference.controllerOf(d))).build(),
                new ReplicaSetSpec(newReplicas, d.spec().minReadySeconds(), rsSelector, rsTemplate, null));

        ReplicaSet created;
        boolean alreadyExists = false;
        try {
            created = client.create(wanted);
        } catch (AlreadyExistsException e) {
            ReplicaSet found = client.get(ReplicaSet.class, d.namespace(), name).orElseThrow(() -> e);
            boolean ours = Ownership.isControlledBy(found, d);
            if (!ours || !ReplicaSets.equalIgnoreHash(d.spec().template(), found.spec().template())) {
                writeStatus(d.status().withCollisionCount(d.status().collisionCountOrZero() + 1));
                throw e;
            }
            created = found;
            alreadyExists = true;
        } catch (ApiException e) {
            String message = "Failed to create new replica set \"" + name + "\": " + e.getMessage();
            if (ReplicaSets.hasProgressDeadline(d)) {
                try {
                    writeStatus(Progress.setCondition(d.status(), DeploymentCondition.PROGRESSING, "False",
                            Progress.FAILED_RS_CREATE, message, now()));
                } catch (ApiException ignored) {
                    // the create failure is the error worth reporting
                }
            }
            events.warning(d, Progress.FAILED_RS_CREATE, "%s", message);
            throw e;
        }
        if (!alreadyExists && newReplicas > 0) {
            events.normal(d, SCALING_REPLICA_SET, "Scaled up replica set %s from 0 to %d", created.name(), newReplicas);
        }
        rsList.add(created);
        boolean revisionChanged = setDeploymentRevision(Long.toString(newRevision));
        DeploymentStatus status = d.status();
        if (!alreadyExists && ReplicaSets.hasProgressDeadline(d)) {
            status = Progress.setCondition(status, DeploymentCondition.PROGRESSING, "True", Progress.NEW_RS_CREATED,
                    "Created new replica set \"" + created.name() + "\"", now());
        }
        writeMetadataIfChanged(revisionChanged);
        writeStatus(status);
        return created;
    }

    /** {@code SetDeploymentRevision} on the working copy; true if it changed. */
    private boolean setDeploymentRevision(String revision) {
        if (Objects.equals(d.metadata().annotations().get(Revisions.REVISION), revision)) {
            return false;
        }
        d = d.withMetadata(d.metadata().withAnnotation(Revisions.REVISION, revision));
        return true;
    }

    private void writeMetadataIfChanged(boolean changed) {
        if (changed) {
            DeploymentStatus status = d.status();
            d = client.update(d).withStatus(status);
        }
    }

    /** Writes the Deployment's status when it differs from what was last written. */
    void writeStatus(DeploymentStatus status) {
        if (status.equals(d.status())) {
            return;
        }
        d = client.updateStatus(d.withStatus(status));
    }

    ReplicaSet replace(ReplicaSet updated) {
        for (int i = 0; i < rsList.size(); i++) {
            if (rsList.get(i).uid().equals(updated.uid())) {
                rsList.set(i, updated);
                return updated;
            }
        }
        rsList.add(updated);
        return updated;
    }

    /** {@code scaleReplicaSetAndRecordEvent}: the RS scaled to {@code newScale}, or as it was. */
    ReplicaSet scaleAndRecordEvent(ReplicaSet rs, int newScale) {
        if (ReplicaSets.replicas(rs) == newScale) {
            return rs;
        }
        return scale(rs, newScale, ReplicaSets.replicas(rs) < newScale ? "up" : "down");
    }

    /**
     * {@code scaleReplicaSet}: writes the size and the desired/max-replicas annotations when either
     * is out of date; an event for a change of size.
     */
    ReplicaSet scale(ReplicaSet rs, int newScale, String operation) {
        int oldScale = ReplicaSets.replicas(rs);
        Map<String, String> annotations = new HashMap<>(rs.metadata().annotations());
        boolean annotationsChanged = Revisions.setReplicasAnnotations(annotations, replicas(), replicas() + ReplicaSets.maxSurge(d));
        if (oldScale == newScale && !annotationsChanged) {
            return rs;
        }
        ReplicaSet updated = replace(client.update(rs.withMetadata(rs.metadata().withAnnotations(annotations))
                .withSpec(rs.spec().withReplicas(newScale))));
        if (oldScale != newScale) {
            events.normal(d, SCALING_REPLICA_SET, "Scaled %s replica set %s from %d to %d", operation, rs.name(), oldScale, newScale);
        }
        return updated;
    }

    /** True when {@code scaleAndRecordEvent} changed the size. */
    static boolean scaled(ReplicaSet before, ReplicaSet after) {
        return ReplicaSets.replicas(before) != ReplicaSets.replicas(after);
    }

    /**
     * {@code DeploymentController.scale}: the single active (or newest) RS takes all replicas; a
     * saturated new RS lets the old ones go to zero; otherwise a rolling Deployment spreads the
     * difference proportionally (see {@link RolloutMath#proportionalScale}).
     */
    void scaleDeployment(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        ReplicaSet activeOrLatest = activeOrLatest(newRS, oldRSs);
        if (activeOrLatest != null) {
            if (ReplicaSets.replicas(activeOrLatest) != replicas()) {
                scaleAndRecordEvent(activeOrLatest, replicas());
            }
            return;
        }
        if (isSaturated(newRS)) {
            for (ReplicaSet old : ReplicaSets.active(oldRSs)) {
                scaleAndRecordEvent(old, 0);
            }
            return;
        }
        if (!ReplicaSets.isRollingUpdate(d)) {
            return;
        }
        List<ReplicaSet> active = ReplicaSets.active(ReplicaSets.with(oldRSs, newRS));
        Map<String, ReplicaSet> byName = new HashMap<>();
        List<RolloutMath.Share> shares = new ArrayList<>();
        for (ReplicaSet rs : active) {
            byName.put(rs.name(), rs);
            shares.add(new RolloutMath.Share(rs.name(), rs.metadata().creationTimestamp(), ReplicaSets.replicas(rs),
                    Revisions.intAnnotation(rs.metadata().annotations(), Revisions.MAX_REPLICAS)));
        }
        int toAdd = (replicas() > 0 ? replicas() + ReplicaSets.maxSurge(d) : 0) - ReplicaSets.specSum(active);
        String operation = toAdd > 0 ? "up" : toAdd < 0 ? "down" : "";
        for (RolloutMath.Scaled scaled : RolloutMath.proportionalScale(shares, replicas(), ReplicaSets.maxSurge(d),
                d.status().replicasOrZero())) {
            scale(byName.get(scaled.name()), scaled.replicas(), operation);
        }
    }

    /** {@code FindActiveOrLatest}: the only active RS, the newest when none is active, null for several. */
    private static ReplicaSet activeOrLatest(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        if (newRS == null && oldRSs.isEmpty()) {
            return null;
        }
        List<ReplicaSet> active = ReplicaSets.active(ReplicaSets.with(oldRSs, newRS));
        if (active.isEmpty()) {
            if (newRS != null) {
                return newRS;
            }
            return oldRSs.stream().max(ReplicaSets.BY_CREATION).orElse(null);
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    /** {@code IsSaturated}: the new RS is at full size, annotated so, and fully available. */
    boolean isSaturated(ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        Integer desired = Revisions.intAnnotation(rs.metadata().annotations(), Revisions.DESIRED_REPLICAS);
        return desired != null && ReplicaSets.replicas(rs) == replicas() && desired == replicas()
                && rs.status().availableReplicasOrZero() == replicas();
    }

    /** {@code isScalingEvent}: some active RS was last sized for a different spec.replicas. */
    boolean isScalingEvent() {
        Sets sets = allReplicaSetsAndSyncRevision(false);
        for (ReplicaSet rs : ReplicaSets.active(sets.all())) {
            Integer desired = Revisions.intAnnotation(rs.metadata().annotations(), Revisions.DESIRED_REPLICAS);
            if (desired != null && desired != replicas()) {
                return true;
            }
        }
        return false;
    }

    /** {@code sync}: for a paused Deployment or a scaling event; never creates a ReplicaSet. */
    void sync() {
        Sets sets = allReplicaSetsAndSyncRevision(false);
        scaleDeployment(sets.newRS(), sets.oldRSs());
        if (d.spec().isPaused() && !d.metadata().annotations().containsKey(Revisions.ROLLBACK_TO)) {
            cleanupDeployment(sets.oldRSs());
        }
        syncDeploymentStatus(sets);
    }

    /** {@code syncStatusOnly}: for a Deployment being deleted. */
    void syncStatusOnly() {
        syncDeploymentStatus(allReplicaSetsAndSyncRevision(false));
    }

    private void syncDeploymentStatus(Sets sets) {
        writeStatus(calculateStatus(sets));
    }

    /**
     * {@code calculateStatus}: counts from the ReplicaSets' status (unavailable from their specs),
     * the Available condition, and the other conditions as they are.
     */
    DeploymentStatus calculateStatus(Sets sets) {
        List<ReplicaSet> all = latest(sets.all());
        ReplicaSet newRS = sets.newRS() == null ? null : latest(List.of(sets.newRS())).get(0);
        int available = ReplicaSets.availableSum(all);
        int unavailable = Math.max(0, ReplicaSets.specSum(all) - available);
        DeploymentStatus old = d.status();
        DeploymentStatus status = new DeploymentStatus(d.metadata().generationOrZero(), ReplicaSets.statusSum(all),
                newRS == null ? 0 : newRS.status().replicasOrZero(), ReplicaSets.readySum(all), available, unavailable,
                old.terminatingReplicas(), old.conditions(), old.collisionCount(), old.unknownFields());
        if (available >= replicas() - ReplicaSets.maxUnavailable(d)) {
            status = Progress.setCondition(status, DeploymentCondition.AVAILABLE, "True", Progress.MINIMUM_REPLICAS_AVAILABLE,
                    "Deployment has minimum availability.", now());
        } else {
            status = Progress.setCondition(status, DeploymentCondition.AVAILABLE, "False", Progress.MINIMUM_REPLICAS_UNAVAILABLE,
                    "Deployment does not have minimum availability.", now());
        }
        return status;
    }

    /** The versions of {@code sets} this pass last wrote (their status is the cache's, as upstream reads it). */
    List<ReplicaSet> latest(List<ReplicaSet> sets) {
        List<ReplicaSet> result = new ArrayList<>(sets.size());
        for (ReplicaSet rs : sets) {
            ReplicaSet current = rs;
            for (ReplicaSet candidate : rsList) {
                if (candidate.uid().equals(rs.uid())) {
                    current = candidate;
                    break;
                }
            }
            result.add(current);
        }
        return result;
    }

    /**
     * {@code cleanupDeployment}: deletes the oldest revisions beyond revisionHistoryLimit, only
     * those fully scaled down and observed so (others are skipped, not replaced by newer ones).
     */
    void cleanupDeployment(List<ReplicaSet> oldRSs) {
        if (!ReplicaSets.hasRevisionHistoryLimit(d)) {
            return;
        }
        List<ReplicaSet> cleanable = new ArrayList<>();
        for (ReplicaSet rs : latest(oldRSs)) {
            if (!rs.metadata().isBeingDeleted()) {
                cleanable.add(rs);
            }
        }
        int diff = cleanable.size() - d.spec().revisionHistoryLimitOrDefault();
        if (diff <= 0) {
            return;
        }
        cleanable.sort(ReplicaSets.BY_REVISION);
        for (int i = 0; i < diff; i++) {
            ReplicaSet rs = cleanable.get(i);
            if (rs.status().replicasOrZero() != 0 || ReplicaSets.replicas(rs) != 0
                    || rs.metadata().generationOrZero() > rs.status().observedGenerationOrZero()) {
                continue;
            }
            try {
                client.delete(ReplicaSet.class, rs.namespace(), rs.name(), DeleteOptions.ifUid(rs.uid()));
            } catch (NotFoundException e) {
                // already gone
            }
            rsList.removeIf(candidate -> candidate.uid().equals(rs.uid()));
        }
    }
}
