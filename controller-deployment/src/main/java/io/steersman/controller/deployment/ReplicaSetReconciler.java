package io.steersman.controller.deployment;

import io.steersman.api.client.ApiException;
import io.steersman.api.client.Client;
import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.PodTemplates;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.apps.ReplicaSetCondition;
import io.steersman.api.model.apps.ReplicaSetStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Pods;
import io.steersman.api.model.core.PodStatus;
import io.steersman.api.model.core.PodTemplateSpec;
import io.steersman.api.selector.Selector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ReplicaSet controller, as upstream's {@code replica_set.go}: keeps {@code spec.replicas} active
 * pods matching the selector. Creates pods from the template in slow-start batches (1, 2, 4, ...,
 * at most {@value #BURST_REPLICAS} per pass), deletes the pods {@link PodRanking} puts first,
 * adopts matching orphans and releases pods that stopped matching, and writes status (replicas,
 * fullyLabeledReplicas, readyReplicas, availableReplicas after minReadySeconds on the clock,
 * observedGeneration, the ReplicaFailure condition). {@link Expectations} keep a lagging cache
 * from creating or deleting twice. One instance serves every ReplicaSet; the loop never runs one
 * key on two workers at once.
 */
public final class ReplicaSetReconciler implements Reconciler<ReplicaSet> {
    /** Upstream's {@code BurstReplicas}: most pods created or deleted in one pass. */
    static final int BURST_REPLICAS = 500;

    private final Expectations expectations = new Expectations();

    @Inject
    public ReplicaSetReconciler() {}

    @Override
    public Result reconcile(Request request, Context<ReplicaSet> context) {
        String key = request.toString();
        if (context.primary().isEmpty()) {
            expectations.forget(key);
            return Result.done();
        }
        ReplicaSet rs = context.primary().get();
        Client client = context.client();
        Instant now = context.clock().now();
        Selector selector = Selector.from(rs.spec().selector());

        List<Pod> controlled = client.listControlledBy(Pod.class, rs);
        boolean needsSync = expectations.satisfied(key, controlled, now);

        // As upstream, only active pods are claimed: terminating and finished ones are neither
        // adopted nor released, and never counted.
        List<Pod> activeControlled = new ArrayList<>(controlled.size());
        for (Pod pod : controlled) {
            if (Pods.isActive(pod)) {
                activeControlled.add(pod);
            }
        }
        ControllerRefs<Pod> refs = new ControllerRefs<>(client, rs, selector, Pods::isActive);
        List<Pod> matching = rs.metadata().isBeingDeleted() ? List.of() : client.list(Pod.class, rs.namespace(), selector);
        List<Pod> active = refs.claim(activeControlled, matching);

        ApiException manageError = null;
        int diff = active.size() - rs.spec().replicasOrDefault();
        if (needsSync && !rs.metadata().isBeingDeleted() && !refs.incomplete()) {
            try {
                manageReplicas(key, rs, active, diff, context, now);
            } catch (ApiException e) {
                manageError = e;
            }
        }

        int minReadySeconds = rs.spec().minReadySecondsOrZero();
        ReplicaSetStatus status = calculateStatus(rs, active, manageError, diff, now);
        if (!status.equals(rs.status())) {
            client.updateStatus(rs.withStatus(status));
        }
        if (manageError != null) {
            throw manageError;
        }
        if (refs.incomplete()) {
            throw new IllegalStateException("ReplicaSet " + key + ": ownership of some pods changed while claiming them; retrying");
        }
        return requeueForAvailability(active, minReadySeconds, now);
    }

    private void manageReplicas(String key, ReplicaSet rs, List<Pod> active, int diff, Context<ReplicaSet> context, Instant now) {
        Client client = context.client();
        if (diff < 0) {
            int toCreate = Math.min(-diff, BURST_REPLICAS);
            expectations.begin(key, now);
            int remaining = toCreate;
            for (int batch = 1; remaining > 0; batch *= 2) {
                int size = Math.min(batch, remaining);
                ApiException failure = null;
                for (int i = 0; i < size; i++) {
                    try {
                        Pod pod = client.create(newPod(rs));
                        expectations.created(key, pod.name());
                    } catch (ApiException e) {
                        if (failure == null) {
                            failure = e;
                        }
                        context.events().warning(rs, "FailedCreate", "Error creating: %s", e.getMessage());
                    }
                }
                remaining -= size;
                if (failure != null) {
                    // Upstream's slow start: a failing batch stops the later ones.
                    throw failure;
                }
            }
        } else if (diff > 0) {
            int toDelete = Math.min(diff, BURST_REPLICAS);
            List<Pod> victims = PodRanking.victims(candidates(rs, active, context.client()), toDelete, now);
            expectations.begin(key, now);
            for (Pod pod : victims) {
                expectations.deleting(key, pod.name());
            }
            ApiException failure = null;
            for (Pod pod : victims) {
                try {
                    client.delete(Pod.class, pod.namespace(), pod.name(), DeleteOptions.ifUid(pod.uid()));
                } catch (NotFoundException e) {
                    expectations.deletionObserved(key, pod.name());
                } catch (ApiException e) {
                    expectations.deletionObserved(key, pod.name());
                    context.events().warning(rs, "FailedDelete", "Error deleting: %s", e.getMessage());
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** {@code GetPodFromTemplate}: the template's labels, annotations, finalizers and spec, owned by the RS. */
    static Pod newPod(ReplicaSet rs) {
        PodTemplateSpec template = rs.spec().template();
        return Pod.of(PodTemplates.podMetadata(template, rs).generateName(rs.name() + "-").build(), template.spec());
    }

    /**
     * The pods with what the ranking needs. Rank counts active pods per node among the pods of
     * every ReplicaSet sharing this one's controller (a Deployment's ReplicaSets), or this one's
     * own pods for a bare ReplicaSet.
     */
    private static List<PodRanking.Candidate<Pod>> candidates(ReplicaSet rs, List<Pod> active, Client client) {
        Map<String, Integer> perNode = new HashMap<>();
        for (Pod pod : relatedPods(rs, active, client)) {
            if (Pods.isActive(pod)) {
                perNode.merge(nodeName(pod), 1, Integer::sum);
            }
        }
        List<PodRanking.Candidate<Pod>> candidates = new ArrayList<>(active.size());
        for (Pod pod : active) {
            String node = nodeName(pod);
            var ready = Pods.readyCondition(pod);
            candidates.add(new PodRanking.Candidate<>(pod, pod.uid(), !node.isEmpty(), phase(pod), ready != null,
                    ready == null ? null : ready.lastTransitionTime(),
                    PodRanking.deletionCost(pod.metadata().annotations().get(Pods.DELETION_COST)),
                    perNode.getOrDefault(node, 0), Pods.maxRestarts(pod), pod.metadata().creationTimestamp()));
        }
        return candidates;
    }

    private static List<Pod> relatedPods(ReplicaSet rs, List<Pod> own, Client client) {
        var owner = rs.metadata().controllerRef();
        if (owner.isEmpty()) {
            return own;
        }
        List<Pod> related = new ArrayList<>();
        for (ReplicaSet sibling : client.listControlledBy(ReplicaSet.class, OwnerStub.of(owner.get(), rs.namespace()))) {
            related.addAll(sibling.uid().equals(rs.uid()) ? own : client.listControlledBy(Pod.class, sibling));
        }
        return related;
    }

    private static String nodeName(Pod pod) {
        String node = pod.spec().nodeName();
        return node == null ? "" : node;
    }

    private static PodRanking.Phase phase(Pod pod) {
        String phase = pod.status().phase();
        if (PodStatus.RUNNING.equals(phase)) {
            return PodRanking.Phase.RUNNING;
        }
        return PodStatus.UNKNOWN.equals(phase) ? PodRanking.Phase.UNKNOWN : PodRanking.Phase.PENDING;
    }

    /** {@code calculateStatus} of {@code replica_set_utils.go}. */
    static ReplicaSetStatus calculateStatus(ReplicaSet rs, List<Pod> active, ApiException manageError, int diff, Instant now) {
        Selector templateLabels = Selector.fromSet(rs.spec().template().metadata().labels());
        int minReadySeconds = rs.spec().minReadySecondsOrZero();
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod pod : active) {
            if (templateLabels.matches(pod.metadata().labels())) {
                fullyLabeled++;
            }
            var readyCondition = Pods.readyCondition(pod);
            if (readyCondition != null) {
                ready++;
                if (Pods.isAvailable(readyCondition, minReadySeconds, now)) {
                    available++;
                }
            }
        }
        ReplicaSetStatus old = rs.status();
        List<ReplicaSetCondition> conditions = old.conditions();
        boolean hasFailure = old.condition(ReplicaSetCondition.REPLICA_FAILURE).isPresent();
        if (manageError != null && !hasFailure) {
            String reason = diff < 0 ? "FailedCreate" : "FailedDelete";
            conditions = old.withCondition(ReplicaSetCondition.of(ReplicaSetCondition.REPLICA_FAILURE, true, reason,
                    manageError.getMessage(), now)).conditions();
        } else if (manageError == null && hasFailure) {
            conditions = old.withoutCondition(ReplicaSetCondition.REPLICA_FAILURE).conditions();
        }
        return new ReplicaSetStatus(active.size(), fullyLabeled, ready, available, old.terminatingReplicas(),
                rs.metadata().generationOrZero(), conditions, old.unknownFields());
    }

    /** Comes back when the next ready pod has been ready for minReadySeconds, so it turns available on time. */
    private static Result requeueForAvailability(List<Pod> active, int minReadySeconds, Instant now) {
        if (minReadySeconds == 0) {
            return Result.done();
        }
        Instant next = null;
        for (Pod pod : active) {
            Instant at = Pods.availableAt(pod, minReadySeconds);
            if (at != null && !at.isBefore(now) && (next == null || at.isBefore(next))) {
                next = at;
            }
        }
        // Available means strictly after the instant: come back a second later, as upstream.
        return next == null ? Result.done() : Result.requeueAfter(Duration.between(now, next).plusSeconds(1));
    }
}
