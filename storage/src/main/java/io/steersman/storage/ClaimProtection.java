package io.steersman.storage;

import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import java.util.Optional;

/**
 * Upstream's pvc-protection controller: every claim carries {@value #FINALIZER} (upstream's
 * admission adds it at create; here this controller does, as upstream's does for older claims),
 * and a deleted claim keeps it while a pod that uses it exists: a pod bound to a node whose volumes
 * name the claim, whatever its phase, until the pod object is gone.
 */
final class ClaimProtection implements Reconciler<PersistentVolumeClaim> {
    static final String FINALIZER = "kubernetes.io/pvc-protection";

    @Override
    public Result reconcile(Request request, Context<PersistentVolumeClaim> context) {
        Optional<PersistentVolumeClaim> found = context.primary();
        if (found.isEmpty()) {
            return Result.done();
        }
        PersistentVolumeClaim claim = found.get();
        try {
            if (Finalizers.isDeletionCandidate(claim, FINALIZER) && !isBeingUsed(claim, context)) {
                Finalizers.remove(claim, FINALIZER, context.client());
            } else if (Finalizers.needToAdd(claim, FINALIZER)) {
                Finalizers.add(claim, FINALIZER, context.client());
            }
        } catch (NotFoundException gone) {
            // Deleted meanwhile.
        }
        return Result.done();
    }

    /** A scheduled pod names the claim: the kubelet may be using it (an unscheduled pod never will, the kubelet refuses deleted claims). */
    private static boolean isBeingUsed(PersistentVolumeClaim claim, Context<PersistentVolumeClaim> context) {
        for (Pod pod : context.client().list(Pod.class, claim.namespace())) {
            if (pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty() && Claims.uses(pod, claim)) {
                return true;
            }
        }
        return false;
    }
}
