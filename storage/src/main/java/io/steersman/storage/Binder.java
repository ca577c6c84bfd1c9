package io.steersman.storage;

import io.steersman.api.client.Client;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.PersistentVolumeStatus;
import io.steersman.api.model.Quantities;
import io.steersman.api.model.Quantity;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writes of binding, each persisted on its own and each a no-op when already done, as
 * upstream's {@code bind}: (1) the volume's claimRef, (2) the volume's phase Bound, (3) the claim's
 * volumeName and bind-completed, (4) the claim's phase Bound with the volume's capacity and access
 * modes. A failure part-way leaves a state the next pass finishes. Every write returns the object as
 * stored, which the next step starts from.
 */
final class Binder {
    private final Client client;
    private final Clock clock;

    Binder(Client client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    void bind(PersistentVolume volume, PersistentVolumeClaim claim) {
        PersistentVolume bound = bindVolumeToClaim(volume, claim);
        bound = updateVolumePhase(bound, PersistentVolumeStatus.BOUND, null);
        PersistentVolumeClaim boundClaim = bindClaimToVolume(claim, bound);
        updateClaimStatus(boundClaim, PersistentVolumeClaimStatus.BOUND, bound);
    }

    /** Step 1: claimRef to the claim (with its uid); bound-by-controller unless the user pre-bound it to this claim. */
    PersistentVolume bindVolumeToClaim(PersistentVolume volume, PersistentVolumeClaim claim) {
        boolean setBoundByController = !Claims.isVolumeBoundToClaim(volume, claim);
        ObjectReference ref = volume.spec().claimRef();
        boolean dirty = false;
        PersistentVolume changed = volume;
        if (ref == null || !Objects.equals(ref.name(), claim.name()) || !Objects.equals(ref.namespace(), claim.namespace())
                || !Objects.equals(ref.uid(), claim.uid())) {
            changed = changed.withSpec(changed.spec().withClaimRef(ObjectReference.to(claim)));
            dirty = true;
        }
        if (setBoundByController && !changed.metadata().annotations().containsKey(Annotations.BOUND_BY_CONTROLLER)) {
            changed = changed.withMetadata(changed.metadata().withAnnotation(Annotations.BOUND_BY_CONTROLLER, Annotations.YES));
            dirty = true;
        }
        return dirty ? client.update(changed) : volume;
    }

    /** The volume's phase (and message); lastPhaseTransitionTime moves only when the phase does. */
    PersistentVolume updateVolumePhase(PersistentVolume volume, String phase, String message) {
        PersistentVolumeStatus status = volume.status();
        if (phase.equals(status.phase()) && Objects.equals(message, status.message())) {
            return volume;
        }
        var transition = phase.equals(status.phase()) ? status.lastPhaseTransitionTime() : clock.now().truncatedTo(ChronoUnit.SECONDS);
        return client.updateStatus(volume.withStatus(
                new PersistentVolumeStatus(phase, message, status.reason(), transition, status.unknownFields())));
    }

    /** Step 3: volumeName (bound-by-controller when the controller chose it) and bind-completed. */
    PersistentVolumeClaim bindClaimToVolume(PersistentVolumeClaim claim, PersistentVolume volume) {
        PersistentVolumeClaim changed = claim;
        boolean dirty = false;
        ObjectMeta meta = claim.metadata();
        if (!volume.name().equals(claim.spec().volumeName())) {
            changed = changed.withSpec(changed.spec().withVolumeName(volume.name()));
            if (!meta.annotations().containsKey(Annotations.BOUND_BY_CONTROLLER)) {
                meta = meta.withAnnotation(Annotations.BOUND_BY_CONTROLLER, Annotations.YES);
            }
            dirty = true;
        }
        if (!meta.annotations().containsKey(Annotations.BIND_COMPLETED)) {
            meta = meta.withAnnotation(Annotations.BIND_COMPLETED, Annotations.YES);
            dirty = true;
        }
        return dirty ? client.update(changed.withMetadata(meta)) : claim;
    }

    /**
     * The claim's phase; with a volume, its access modes and (when the claim becomes Bound) its
     * capacity, without one both cleared, as upstream's {@code updateClaimStatus}.
     */
    PersistentVolumeClaim updateClaimStatus(PersistentVolumeClaim claim, String phase, PersistentVolume volume) {
        PersistentVolumeClaimStatus status = claim.status();
        List<String> accessModes = status.accessModes();
        Map<String, Quantity> capacity = status.capacity();
        if (volume == null) {
            accessModes = List.of();
            capacity = Map.of();
        } else {
            accessModes = volume.spec().accessModes();
            if (!phase.equals(status.phase())) {
                Quantity volumeSize = volume.spec().capacity().get("storage");
                Quantity claimSize = capacity.get("storage");
                if (volumeSize != null && (claimSize == null || Quantities.compare(volumeSize, claimSize) != 0)) {
                    capacity = volume.spec().capacity();
                }
            }
        }
        if (phase.equals(status.phase()) && accessModes.equals(status.accessModes()) && capacity.equals(status.capacity())) {
            return claim;
        }
        return client.updateStatus(claim.withStatus(
                new PersistentVolumeClaimStatus(phase, accessModes, capacity, status.conditions(), status.unknownFields())));
    }
}
