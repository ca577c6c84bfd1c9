package io.steersman.controller.statefulset;

import io.steersman.api.model.ApiObject;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.StatefulSet;
import io.steersman.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code persistentVolumeClaimRetentionPolicy} expressed as owner references, as upstream's
 * {@code isClaimOwnerUpToDate} and {@code updateClaimOwnerRefForSetAndPod}; the garbage collector
 * does the deleting.
 *
 * <table>
 *   <caption>Owner references per policy</caption>
 *   <tr><th>whenDeleted / whenScaled</th><th>claim of a pod in range</th><th>claim of a scaled-down pod</th></tr>
 *   <tr><td>Retain / Retain</td><td>none</td><td>none</td></tr>
 *   <tr><td>Delete / Retain</td><td>the set</td><td>the set</td></tr>
 *   <tr><td>Retain / Delete</td><td>none</td><td>its pod</td></tr>
 *   <tr><td>Delete / Delete</td><td>the set</td><td>its pod</td></tr>
 * </table>
 *
 * A claim with a stale reference (the set's or pod's name with another uid: an earlier incarnation)
 * is left alone, and so is one another controller owns. Pure; thread-safe.
 */
final class ClaimRetention {
    private static final String RETAIN = StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN;
    private static final String DELETE = StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE;

    private ClaimRetention() {}

    /** The policy with upstream's defaults (Retain) for what is unset. */
    record Policy(String whenDeleted, String whenScaled) {
        static Policy of(StatefulSet set) {
            StatefulSetPersistentVolumeClaimRetentionPolicy p = set.spec().persistentVolumeClaimRetentionPolicy();
            return new Policy(p == null || p.whenDeleted() == null ? RETAIN : p.whenDeleted(),
                    p == null || p.whenScaled() == null ? RETAIN : p.whenScaled());
        }

        boolean retainsAll() {
            return !DELETE.equals(whenDeleted) && !DELETE.equals(whenScaled);
        }
    }

    /** {@code isClaimOwnerUpToDate}: true when the claim's references already say what the policy wants. */
    static boolean isUpToDate(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
        if (hasStaleRef(claim, set) || hasStaleRef(claim, pod)) {
            return true;
        }
        if (hasUnexpectedController(claim, set, pod)) {
            // Our own references on top of another controller's must go; otherwise leave it be.
            return !hasRef(claim, set) && !hasRef(claim, pod);
        }
        if (hasNonControllerRef(claim, set, pod)) {
            return false;
        }
        Policy policy = Policy.of(set);
        boolean scaledDown = !Identity.inOrdinalRange(set, pod);
        boolean wantSet = DELETE.equals(policy.whenDeleted()) && !(DELETE.equals(policy.whenScaled()) && scaledDown);
        boolean wantPod = DELETE.equals(policy.whenScaled()) && scaledDown;
        return hasRef(claim, set) == wantSet && hasRef(claim, pod) == wantPod;
    }

    /** {@code updateClaimOwnerRefForSetAndPod}: the claim's references rewritten for the policy. */
    static List<OwnerReference> updatedRefs(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
        boolean unexpectedController = hasUnexpectedController(claim, set, pod);
        List<OwnerReference> refs = new ArrayList<>();
        for (OwnerReference ref : claim.metadata().ownerReferences()) {
            if (!matches(ref, set) && !matches(ref, pod)) {
                refs.add(ref);
            }
        }
        if (unexpectedController) {
            return refs;
        }
        Policy policy = Policy.of(set);
        boolean scaledDown = !Identity.inOrdinalRange(set, pod);
        if (DELETE.equals(policy.whenScaled()) && scaledDown) {
            addController(refs, pod);
        } else if (DELETE.equals(policy.whenDeleted())) {
            addController(refs, set);
        }
        return refs;
    }

    /** {@code hasUnexpectedController}: under a Delete policy, another controller (or a stale one of ours) owns the claim. */
    static boolean hasUnexpectedController(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
        if (Policy.of(set).retainsAll()) {
            return false;
        }
        for (OwnerReference ref : claim.metadata().ownerReferences()) {
            if (matches(ref, set)) {
                if (!ref.uid().equals(set.uid())) {
                    return true;
                }
            } else if (matches(ref, pod)) {
                if (!ref.uid().equals(pod.uid())) {
                    return true;
                }
            } else if (ref.isController()) {
                return true;
            }
        }
        return false;
    }

    /** {@code hasStaleOwnerRef}: the first reference with the owner's kind and name has another uid. */
    static boolean hasStaleRef(PersistentVolumeClaim claim, ApiObject owner) {
        for (OwnerReference ref : claim.metadata().ownerReferences()) {
            if (matches(ref, owner)) {
                return ref.uid() == null || !ref.uid().equals(owner.uid());
            }
        }
        return false;
    }

    private static boolean hasNonControllerRef(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
        for (OwnerReference ref : claim.metadata().ownerReferences()) {
            if ((ref.uid() != null && (ref.uid().equals(set.uid()) || ref.uid().equals(pod.uid()))) && !ref.isController()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRef(PersistentVolumeClaim claim, ApiObject owner) {
        if (owner.uid() == null) {
            return false;
        }
        for (OwnerReference ref : claim.metadata().ownerReferences()) {
            if (owner.uid().equals(ref.uid())) {
                return true;
            }
        }
        return false;
    }

    /** {@code matchesRef}: same apiVersion, kind and name (the uid is not compared). */
    private static boolean matches(OwnerReference ref, ApiObject owner) {
        String apiVersion = owner instanceof Pod ? Pod.API_VERSION : StatefulSet.API_VERSION;
        String kind = owner instanceof Pod ? Pod.KIND : StatefulSet.KIND;
        return apiVersion.equals(ref.apiVersion()) && kind.equals(ref.kind()) && owner.name().equals(ref.name());
    }

    private static void addController(List<OwnerReference> refs, ApiObject owner) {
        for (OwnerReference ref : refs) {
            if (ref.uid() != null && ref.uid().equals(owner.uid())) {
                return;
            }
        }
        String apiVersion = owner instanceof Pod ? Pod.API_VERSION : StatefulSet.API_VERSION;
        String kind = owner instanceof Pod ? Pod.KIND : StatefulSet.KIND;
        refs.add(new OwnerReference(apiVersion, kind, owner.name(), owner.uid(), true, true, null));
    }
}
