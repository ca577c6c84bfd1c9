package io.steersman.api.model.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What the PV controller, the scheduler and the kubelet ask of a claim, with the semantics of
 * upstream's {@code storage/util} helpers ({@code GetPersistentVolumeClaimClass},
 * {@code isPVCFullyBound}). Pure functions; thread-safe.
 */
public final class PersistentVolumeClaims {
    /** On a claim: the PV controller finished binding it. */
    public static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
    /** On a claim: the node the scheduler chose for a WaitForFirstConsumer claim's first pod. */
    public static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    /** The legacy class annotation; overrides spec.storageClassName. */
    public static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

    private PersistentVolumeClaims() {}

    /** {@code GetPersistentVolumeClaimClass}: the beta annotation, else spec.storageClassName, else "" (no class). */
    public static String storageClassName(PersistentVolumeClaim claim) {
        String beta = claim.metadata().annotations().get(BETA_STORAGE_CLASS);
        if (beta != null) {
            return beta;
        }
        return claim.spec().storageClassName() == null ? "" : claim.spec().storageClassName();
    }

    /**
     * Bound to a volume: upstream's {@code isPVCFullyBound} (volumeName and bind-completed, written
     * together), or phase Bound (the binder's last step).
     */
    public static boolean isBound(PersistentVolumeClaim claim) {
        String volumeName = claim.spec().volumeName();
        return PersistentVolumeClaimStatus.BOUND.equals(claim.status().phase())
                || volumeName != null && !volumeName.isEmpty() && claim.metadata().annotations().containsKey(BIND_COMPLETED);
    }

    /** The claims a pod's volumes name (in its namespace), in order, each once. */
    public static List<String> claimNames(Pod pod) {
        List<String> names = new ArrayList<>();
        for (Volume volume : pod.spec().volumes()) {
            PersistentVolumeClaimVolumeSource source = volume.persistentVolumeClaim();
            if (source != null && source.claimName() != null && !names.contains(source.claimName())) {
                names.add(source.claimName());
            }
        }
        return names;
    }
}
