package io.steersman.storage;

import io.steersman.api.model.Quantities;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaims;
import io.steersman.api.model.core.Pod;
import java.math.BigDecimal;
import java.util.Objects;

/** Pure helpers over claims and volumes, as upstream's {@code storage/util} helpers. */
final class Claims {
    private Claims() {}

    static final String FILESYSTEM = "Filesystem";

    /** Upstream's {@code GetPersistentVolumeClaimClass}: the beta annotation, else spec.storageClassName, else "". */
    static String classOf(PersistentVolumeClaim claim) {
        return PersistentVolumeClaims.storageClassName(claim);
    }

    /** Upstream's {@code PersistentVolumeClaimHasClass}: the user asked for a class, even "" (no class). */
    static boolean hasClass(PersistentVolumeClaim claim) {
        return claim.metadata().annotations().containsKey(Annotations.BETA_STORAGE_CLASS) || claim.spec().storageClassName() != null;
    }

    /** Upstream's {@code GetPersistentVolumeClass}. */
    static String classOf(PersistentVolume volume) {
        String beta = volume.metadata().annotations().get(Annotations.BETA_STORAGE_CLASS);
        if (beta != null) {
            return beta;
        }
        return volume.spec().storageClassName() == null ? "" : volume.spec().storageClassName();
    }

    /** The claim's {@code resources.requests.storage} in bytes; zero when absent (validation requires it). */
    static BigDecimal requested(PersistentVolumeClaim claim) {
        Quantity q = claim.spec().resources() == null ? null : claim.spec().resources().requests().get("storage");
        return q == null ? BigDecimal.ZERO : Quantities.toBigDecimal(q);
    }

    /** The volume's {@code capacity.storage} in bytes; zero when absent. */
    static BigDecimal capacity(PersistentVolume volume) {
        Quantity q = volume.spec().capacity().get("storage");
        return q == null ? BigDecimal.ZERO : Quantities.toBigDecimal(q);
    }

    /** Upstream's {@code IsVolumeBoundToClaim}: claimRef names the claim, and its uid is empty or the claim's. */
    static boolean isVolumeBoundToClaim(PersistentVolume volume, PersistentVolumeClaim claim) {
        var ref = volume.spec().claimRef();
        if (ref == null || !Objects.equals(ref.name(), claim.name()) || !Objects.equals(ref.namespace(), claim.namespace())) {
            return false;
        }
        return ref.uid() == null || ref.uid().isEmpty() || ref.uid().equals(claim.uid());
    }

    /** Upstream's {@code CheckVolumeModeMismatches}: an unset mode is Filesystem. */
    static boolean volumeModeMismatch(PersistentVolumeClaim claim, PersistentVolume volume) {
        String requested = claim.spec().volumeMode() == null ? FILESYSTEM : claim.spec().volumeMode();
        String offered = volume.spec().volumeMode() == null ? FILESYSTEM : volume.spec().volumeMode();
        return !requested.equals(offered);
    }

    /** Upstream's {@code CheckAccessModes}: the volume offers every mode the claim asks for. */
    static boolean accessModesSatisfied(PersistentVolumeClaim claim, PersistentVolume volume) {
        return volume.spec().accessModes().containsAll(claim.spec().accessModes());
    }

    /** True when one of the pod's volumes names the claim (the pod is in the claim's namespace). */
    static boolean uses(Pod pod, PersistentVolumeClaim claim) {
        return Objects.equals(pod.namespace(), claim.namespace()) && PersistentVolumeClaims.claimNames(pod).contains(claim.name());
    }
}
