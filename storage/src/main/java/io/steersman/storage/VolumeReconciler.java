package io.steersman.storage;

import io.steersman.api.client.DeleteOptions;
import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeStatus;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Upstream's {@code syncVolume}: a volume without a claim (or only reserved for one) is Available;
 * one whose claim is bound to it is Bound; one whose claim is gone is Released and reclaimed by its
 * policy (Retain keeps it, Delete removes it and, when the built-in provisioner made it, its
 * directory); one the controller bound to a claim that went elsewhere is unbound again.
 */
final class VolumeReconciler implements Reconciler<PersistentVolume> {
    static final String RETAIN = "Retain";
    static final String DELETE = "Delete";
    static final String RECYCLE = "Recycle";

    private final HostPathProvisioner provisioner;

    @Inject
    VolumeReconciler(HostPathProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public Result reconcile(Request request, Context<PersistentVolume> context) {
        Optional<PersistentVolume> found = context.primary();
        if (found.isEmpty()) {
            return Result.done();
        }
        PersistentVolume volume = found.get();
        Binder binder = new Binder(context.client(), context.clock());
        ObjectReference ref = volume.spec().claimRef();
        if (ref == null || ref.uid() == null || ref.uid().isEmpty()) {
            binder.updateVolumePhase(volume, PersistentVolumeStatus.AVAILABLE, null); // unused, or reserved for a claim
            return Result.done();
        }
        PersistentVolumeClaim claim = context.client().get(PersistentVolumeClaim.class, ref.namespace(), ref.name())
                .filter(c -> ref.uid().equals(c.uid()))
                .orElse(null);
        if (claim == null) {
            released(volume, context, binder);
            return Result.done();
        }
        String claimVolume = claim.spec().volumeName();
        if (claimVolume == null || claimVolume.isEmpty()) {
            if (Claims.volumeModeMismatch(claim, volume)) {
                context.events().warning(volume, "VolumeMismatch",
                        "Cannot bind PersistentVolume to requested PersistentVolumeClaim \"%s\" due to incompatible volumeMode.", claim.name());
                context.events().warning(claim, "VolumeMismatch",
                        "Cannot bind PersistentVolume \"%s\" to requested PersistentVolumeClaim due to incompatible volumeMode.", volume.name());
            }
            return Result.done(); // the claim's pass (woken by this volume's change) finishes the binding
        }
        if (claimVolume.equals(volume.name())) {
            binder.updateVolumePhase(volume, PersistentVolumeStatus.BOUND, null);
            return Result.done();
        }
        // The claim is bound to another volume.
        if (volume.metadata().annotations().containsKey(Annotations.PROVISIONED_BY) && DELETE.equals(volume.spec().persistentVolumeReclaimPolicy())) {
            released(volume, context, binder);
        } else {
            unbind(volume, context, binder);
        }
        return Result.done();
    }

    /** Phase Released (kept when Failed already, so the user sees what went wrong), then the reclaim policy. */
    private void released(PersistentVolume volume, Context<PersistentVolume> context, Binder binder) {
        String phase = volume.status().phase();
        if (!PersistentVolumeStatus.RELEASED.equals(phase) && !PersistentVolumeStatus.FAILED.equals(phase)) {
            volume = binder.updateVolumePhase(volume, PersistentVolumeStatus.RELEASED, null);
        }
        String policy = volume.spec().persistentVolumeReclaimPolicy();
        if (RETAIN.equals(policy)) {
            return; // kept with its old claimRef: never bound again until an admin clears it
        }
        if (DELETE.equals(policy)) {
            delete(volume, context, binder);
            return;
        }
        if (RECYCLE.equals(policy)) {
            failed(volume, "VolumeFailedRecycle", "No recycler plugin found for the volume!", context, binder);
            return;
        }
        failed(volume, "VolumeUnknownReclaimPolicy", "Volume has unrecognized PersistentVolumeReclaimPolicy", context, binder);
    }

    /**
     * Upstream's {@code deleteVolumeOperation}: a volume of the built-in provisioner loses its
     * directory, then its object; another provisioner's volume is left to it; a volume no
     * provisioner made has no deleter here.
     */
    private void delete(PersistentVolume volume, Context<PersistentVolume> context, Binder binder) {
        String provisionedBy = volume.metadata().annotations().get(Annotations.PROVISIONED_BY);
        if (provisionedBy == null) {
            failed(volume, "VolumeFailedDelete",
                    "error getting deleter volume plugin for volume \"" + volume.name() + "\": no deletable volume plugin matched", context, binder);
            return;
        }
        if (!HostPathProvisioner.NAME.equals(provisionedBy)) {
            return; // the external provisioner deletes it
        }
        try {
            provisioner.delete(volume);
        } catch (RuntimeException e) {
            failed(volume, "VolumeFailedDelete", e.getMessage(), context, binder);
            return;
        }
        try {
            context.client().delete(PersistentVolume.class, null, volume.name(), DeleteOptions.ifUid(volume.uid()));
        } catch (NotFoundException gone) {
            // Deleted meanwhile.
        }
    }

    private static void failed(PersistentVolume volume, String reason, String message, Context<PersistentVolume> context, Binder binder) {
        if (!PersistentVolumeStatus.FAILED.equals(volume.status().phase()) || !message.equals(volume.status().message())) {
            binder.updateVolumePhase(volume, PersistentVolumeStatus.FAILED, message);
            context.events().warning(volume, reason, "%s", message);
        }
    }

    /**
     * Upstream's {@code unbindVolume}: a claimRef the controller set goes (with bound-by-controller);
     * a user's pre-binding keeps the claim's name and loses only its uid, so the volume stays reserved.
     */
    private static void unbind(PersistentVolume volume, Context<PersistentVolume> context, Binder binder) {
        PersistentVolume changed;
        if (volume.metadata().annotations().containsKey(Annotations.BOUND_BY_CONTROLLER)) {
            changed = volume.withSpec(volume.spec().withClaimRef(null))
                    .withMetadata(volume.metadata().withAnnotation(Annotations.BOUND_BY_CONTROLLER, null));
        } else {
            ObjectReference ref = volume.spec().claimRef();
            changed = volume.withSpec(volume.spec().withClaimRef(new ObjectReference(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name(),
                    null, ref.resourceVersion(), ref.fieldPath(), ref.unknownFields())));
        }
        PersistentVolume written = context.client().update(changed);
        binder.updateVolumePhase(written, PersistentVolumeStatus.AVAILABLE, null);
    }
}
