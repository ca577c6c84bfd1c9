package io.steersman.storage;

import io.steersman.api.client.NotFoundException;
import io.steersman.api.controller.Context;
import io.steersman.api.controller.Reconciler;
import io.steersman.api.controller.Request;
import io.steersman.api.controller.Result;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeStatus;
import java.util.Optional;

/**
 * Upstream's pv-protection controller: every volume carries {@value #FINALIZER}, and a deleted
 * volume keeps it while it is Bound (its claim still uses it).
 */
final class VolumeProtection implements Reconciler<PersistentVolume> {
    static final String FINALIZER = "kubernetes.io/pv-protection";

    @Override
    public Result reconcile(Request request, Context<PersistentVolume> context) {
        Optional<PersistentVolume> found = context.primary();
        if (found.isEmpty()) {
            return Result.done();
        }
        PersistentVolume volume = found.get();
        try {
            if (Finalizers.isDeletionCandidate(volume, FINALIZER)) {
                if (!PersistentVolumeStatus.BOUND.equals(volume.status().phase())) {
                    Finalizers.remove(volume, FINALIZER, context.client());
                }
            } else if (Finalizers.needToAdd(volume, FINALIZER)) {
                Finalizers.add(volume, FINALIZER, context.client());
            }
        } catch (NotFoundException gone) {
            // Deleted meanwhile.
        }
        return Result.done();
    }
}
