package io.steersman.controller.statefulset;

import io.steersman.api.client.AlreadyExistsException;
import io.steersman.api.client.ApiException;
import io.steersman.api.client.Client;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.EventRecorder;
import io.steersman.api.controller.Ownership;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The StatefulSet controller's writes to pods and claims, with upstream's events
 * ({@code stateful_pod_control.go}): claims are created before their pod, pods are created,
 * repaired (identity, storage, claim ownership) and deleted. Failures are thrown (the client's
 * {@link ApiException}s, or an IllegalStateException for a claim being deleted) after a Warning
 * event. Not thread-safe: one per reconcile.
 */
final class StatefulPodControl {
    private final Client client;
    private final EventRecorder events;

    StatefulPodControl(Client client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    /** {@code CreateStatefulPod}: the pod's claims (when missing), the pod, then the claims' owner references. */
    void createPod(StatefulSet set, Pod pod) {
        try {
            createClaims(set, pod);
        } catch (RuntimeException e) {
            podEvent("create", set, pod, e);
            throw e;
        }
        try {
            client.create(pod);
        } catch (AlreadyExistsException e) {
            Optional<Pod> existing = client.get(Pod.class, pod.namespace(), pod.name());
            if (existing.isEmpty() || Ownership.isControlledBy(existing.get(), set)) {
                // Our own pod, created by an earlier pass that read the cache before it saw the pod (the
                // cache may have caught up since): upstream sinks AlreadyExists without an event.
                return;
            }
            // Someone else's pod has the name (the set did not claim it): retried with backoff, as upstream.
            podEvent("create", set, pod, e);
            throw e;
        } catch (RuntimeException e) {
            podEvent("create", set, pod, e);
            throw e;
        }
        try {
            updateClaimsForRetentionPolicy(set, pod);
        } catch (RuntimeException e) {
            podEvent("update", set, pod, e);
            throw e;
        }
        podEvent("create", set, pod, null);
    }

    /**
     * {@code UpdateStatefulPod}: repairs the pod's identity and storage (creating claims a repaired
     * volume needs) and its claims' owner references; writes the pod only when something changed.
     */
    void updatePod(StatefulSet set, Pod pod) {
        boolean consistent = true;
        try {
            if (!Identity.identityMatches(set, pod)) {
                pod = Identity.withIdentity(set, pod);
                consistent = false;
            }
            if (!Identity.storageMatches(set, pod)) {
                pod = Identity.withStorage(set, pod);
                consistent = false;
                createClaims(set, pod);
            }
            if (!claimsMatchRetentionPolicy(set, pod)) {
                updateClaimsForRetentionPolicy(set, pod);
                consistent = false;
            }
        } catch (RuntimeException e) {
            podEvent("update", set, pod, e);
            throw e;
        }
        if (consistent) {
            return;
        }
        try {
            client.update(pod);
            podEvent("update", set, pod, null);
        } catch (RuntimeException e) {
            podEvent("update", set, pod, e);
            throw e;
        }
    }

    /** {@code DeleteStatefulPod}; a pod already gone counts as deleted. */
    void deletePod(StatefulSet set, Pod pod) {
        try {
            client.delete(pod);
            podEvent("delete", set, pod, null);
        } catch (NotFoundException gone) {
            // deleted meanwhile: what we wanted
        } catch (RuntimeException e) {
            podEvent("delete", set, pod, e);
            throw e;
        }
    }

    /** {@code createMissingPersistentVolumeClaims}, for pods still Pending. */
    void createMissingClaims(StatefulSet set, Pod pod) {
        try {
            createClaims(set, pod);
        } catch (RuntimeException e) {
            podEvent("update", set, pod, e);
            throw e;
        }
    }

    /**
     * {@code createPersistentVolumeClaims}: creates each claim the pod needs that does not exist;
     * one that is being deleted is an error (the pod must wait for it to go). Unlike upstream, a
     * claim that exists although the cache has not seen it yet (AlreadyExists) is no error.
     */
    private void createClaims(StatefulSet set, Pod pod) {
        List<String> problems = new ArrayList<>();
        for (PersistentVolumeClaim claim : Identity.claims(set, Identity.ordinal(pod)).values()) {
            Optional<PersistentVolumeClaim> existing = client.get(PersistentVolumeClaim.class, claim.namespace(), claim.name());
            if (existing.isPresent()) {
                if (existing.get().metadata().isBeingDeleted()) {
                    problems.add("pvc " + claim.name() + " is being deleted");
                }
                continue;
            }
            try {
                client.create(claim);
                claimEvent(set, pod, claim, null);
            } catch (AlreadyExistsException e) {
                // created meanwhile, or not in the cache yet
            } catch (ApiException e) {
                claimEvent(set, pod, claim, e);
                problems.add("failed to create PVC " + claim.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /**
     * {@code PodClaimIsStale}: with whenScaled Delete, a claim still owned by an earlier pod of the
     * same name (another uid) blocks creating the pod until the garbage collector removes it.
     */
    boolean claimIsStale(StatefulSet set, Pod pod) {
        if (!ClaimRetention.Policy.of(set).whenScaled().equals(io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE)) {
            return false;
        }
        for (PersistentVolumeClaim claim : Identity.claims(set, Identity.ordinal(pod)).values()) {
            Optional<PersistentVolumeClaim> existing = client.get(PersistentVolumeClaim.class, claim.namespace(), claim.name());
            if (existing.isPresent() && ClaimRetention.hasStaleRef(existing.get(), pod)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ClaimsMatchRetentionPolicy}: claims not found yet count as matching. */
    boolean claimsMatchRetentionPolicy(StatefulSet set, Pod pod) {
        for (Map.Entry<String, PersistentVolumeClaim> e : Identity.claims(set, Identity.ordinal(pod)).entrySet()) {
            Optional<PersistentVolumeClaim> claim = client.get(PersistentVolumeClaim.class, set.namespace(), e.getValue().name());
            if (claim.isPresent() && !ClaimRetention.isUpToDate(claim.get(), set, pod)) {
                return false;
            }
        }
        return true;
    }

    /** {@code UpdatePodClaimForRetentionPolicy}: rewrites the owner references of claims that do not match. */
    void updateClaimsForRetentionPolicy(StatefulSet set, Pod pod) {
        for (PersistentVolumeClaim wanted : Identity.claims(set, Identity.ordinal(pod)).values()) {
            Optional<PersistentVolumeClaim> found = client.get(PersistentVolumeClaim.class, set.namespace(), wanted.name());
            if (found.isEmpty()) {
                continue;
            }
            PersistentVolumeClaim claim = found.get();
            if (ClaimRetention.hasUnexpectedController(claim, set, pod)) {
                events.warning(set, "ConflictingController", "PersistentVolumeClaim %s has a conflicting OwnerReference that acts as a"
                        + " manging controller, the retention policy is ignored for this claim", claim.name());
            }
            if (!ClaimRetention.isUpToDate(claim, set, pod)) {
                client.update(claim.withMetadata(claim.metadata().withOwnerReferences(ClaimRetention.updatedRefs(claim, set, pod))));
            }
        }
    }

    private void podEvent(String verb, StatefulSet set, Pod pod, RuntimeException error) {
        String reason = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
        if (error == null) {
            events.normal(set, "Successful" + reason, "%s Pod %s in StatefulSet %s successful", verb, pod.name(), set.name());
        } else {
            events.warning(set, "Failed" + reason, "%s Pod %s in StatefulSet %s failed error: %s", verb, pod.name(), set.name(),
                    error.getMessage());
        }
    }

    private void claimEvent(StatefulSet set, Pod pod, PersistentVolumeClaim claim, ApiException error) {
        if (error == null) {
            events.normal(set, "SuccessfulCreate", "create Claim %s Pod %s in StatefulSet %s success", claim.name(), pod.name(),
                    set.name());
        } else {
            events.warning(set, "FailedCreate", "create Claim %s for Pod %s in StatefulSet %s failed error: %s", claim.name(),
                    pod.name(), set.name(), error.getMessage());
        }
    }
}
