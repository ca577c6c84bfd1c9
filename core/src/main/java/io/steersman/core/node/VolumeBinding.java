package io.steersman.core.node;

import io.steersman.api.client.Client;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.core.Volume;
import io.steersman.api.model.storage.StorageClass;
import java.util.Optional;

/**
 * The scheduler's VolumeBinding PreFilter ({@code pkg/scheduler/framework/plugins/volumebinding}):
 * a pod whose volumes name claims is placed only once every claim exists, is not being deleted or
 * Lost, and is bound (phase Bound, or volumeName and {@code pv.kubernetes.io/bind-completed}). A claim of a
 * WaitForFirstConsumer class that is not bound yet makes the pod wait without a verdict: the PV
 * controller binds it now that its consumer exists, as upstream's scheduler waits in PreBind.
 */
final class VolumeBinding {
    private VolumeBinding() {}

    static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
    private static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

    /** What the claims of a pod allow. */
    sealed interface Verdict permits Ready, Wait, Unschedulable {}

    /** Every claim is bound (or the pod has none). */
    record Ready() implements Verdict {}

    /** A WaitForFirstConsumer claim is still being bound or provisioned. */
    record Wait() implements Verdict {}

    /** Upstream's UnschedulableAndUnresolvable, with its reason. */
    record Unschedulable(String reason) implements Verdict {}

    static Verdict check(Pod pod, Client cache) {
        boolean wait = false;
        boolean unboundImmediate = false;
        for (Volume volume : pod.spec().volumes()) {
            if (volume.persistentVolumeClaim() == null) {
                continue;
            }
            String name = volume.persistentVolumeClaim().claimName();
            Optional<PersistentVolumeClaim> found = cache.get(PersistentVolumeClaim.class, pod.namespace(), name);
            if (found.isEmpty()) {
                return new Unschedulable("persistentvolumeclaim \"" + name + "\" not found");
            }
            PersistentVolumeClaim claim = found.get();
            if (PersistentVolumeClaimStatus.LOST.equals(claim.status().phase())) {
                return new Unschedulable("persistentvolumeclaim \"" + name + "\" bound to non-existent persistentvolume \""
                        + claim.spec().volumeName() + "\"");
            }
            if (claim.metadata().isBeingDeleted()) {
                return new Unschedulable("persistentvolumeclaim \"" + name + "\" is being deleted");
            }
            if (isBound(claim)) {
                continue;
            }
            if (isEmpty(claim.spec().volumeName()) && delaysBinding(claim, cache)) {
                wait = true;
            } else {
                unboundImmediate = true;
            }
        }
        if (unboundImmediate) {
            return new Unschedulable("pod has unbound immediate PersistentVolumeClaims");
        }
        return wait ? new Wait() : new Ready();
    }

    /**
     * Upstream's {@code isPVCFullyBound} (volumeName and bind-completed, which the PV controller
     * writes in one step), or phase Bound (its last step, and all a stand-in for the PV controller
     * may write).
     */
    private static boolean isBound(PersistentVolumeClaim claim) {
        return PersistentVolumeClaimStatus.BOUND.equals(claim.status().phase())
                || !isEmpty(claim.spec().volumeName()) && claim.metadata().annotations().containsKey(BIND_COMPLETED);
    }

    /** Upstream's {@code IsDelayBindingMode}: the claim's class exists and waits for its first consumer. */
    private static boolean delaysBinding(PersistentVolumeClaim claim, Client cache) {
        String className = claim.metadata().annotations().get(BETA_STORAGE_CLASS);
        if (className == null) {
            className = claim.spec().storageClassName();
        }
        if (isEmpty(className)) {
            return false;
        }
        return cache.get(StorageClass.class, null, className)
                .map(c -> StorageClass.WAIT_FOR_FIRST_CONSUMER.equals(c.volumeBindingModeOrDefault()))
                .orElse(false);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
