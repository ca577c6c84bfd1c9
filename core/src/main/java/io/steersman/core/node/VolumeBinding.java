package io.steersman.core.node;

import io.steersman.api.client.Client;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaimStatus;
import io.steersman.api.model.core.PersistentVolumeClaims;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's VolumeBinding plugin ({@code pkg/scheduler/framework/plugins/volumebinding}):
 * a pod whose volumes name claims is placed only once every claim exists, is not being deleted or
 * Lost, and is bound (phase Bound, or volumeName and {@code pv.kubernetes.io/bind-completed}). A
 * claim of a WaitForFirstConsumer class that is not bound yet makes the pod wait without a
 * verdict: the scheduler picks a node and writes it on the claim as
 * {@code volume.kubernetes.io/selected-node}, the PV controller (or an external provisioner) binds
 * or provisions for it, and the pod goes to that node once the claim is bound, as upstream's
 * scheduler waits in PreBind.
 */
final class VolumeBinding {
    private VolumeBinding() {}

    static final String SELECTED_NODE = PersistentVolumeClaims.SELECTED_NODE;

    /** What the claims of a pod allow; {@code selectedNode} is a node a claim was provisioned for, or null. */
    sealed interface Verdict permits Ready, Wait, Unschedulable {
        String selectedNode();
    }

    /** Every claim is bound (or the pod has none). */
    record Ready(String selectedNode) implements Verdict {}

    /** A WaitForFirstConsumer claim is still being bound or provisioned; {@code unselected}: those without a selected node yet. */
    record Wait(List<PersistentVolumeClaim> unselected, String selectedNode) implements Verdict {}

    /** Upstream's UnschedulableAndUnresolvable, with its reason. */
    record Unschedulable(String reason) implements Verdict {
        @Override
        public String selectedNode() {
            return null;
        }
    }

    /** Writes the node the scheduler chose on each claim that waits for it (upstream's BindPodVolumes for dynamic provisioning). */
    static void selectNode(List<PersistentVolumeClaim> claims, String node, Client client) {
        for (PersistentVolumeClaim claim : claims) {
            client.update(claim.withMetadata(claim.metadata().withAnnotation(SELECTED_NODE, node)));
        }
    }

    static Verdict check(Pod pod, Client cache) {
        boolean wait = false;
        boolean unboundImmediate = false;
        String selectedNode = null;
        List<PersistentVolumeClaim> unselected = new ArrayList<>();
        for (String name : PersistentVolumeClaims.claimNames(pod)) {
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
            String selected = claim.metadata().annotations().get(SELECTED_NODE);
            if (selected != null) {
                selectedNode = selected;
            }
            if (PersistentVolumeClaims.isBound(claim)) {
                continue;
            }
            if (isEmpty(claim.spec().volumeName()) && delaysBinding(claim, cache)) {
                wait = true;
                if (selected == null) {
                    unselected.add(claim);
                }
            } else {
                unboundImmediate = true;
            }
        }
        if (unboundImmediate) {
            return new Unschedulable("pod has unbound immediate PersistentVolumeClaims");
        }
        return wait ? new Wait(unselected, selectedNode) : new Ready(selectedNode);
    }

    /** Upstream's {@code IsDelayBindingMode}: the claim's class exists and waits for its first consumer. */
    private static boolean delaysBinding(PersistentVolumeClaim claim, Client cache) {
        String className = PersistentVolumeClaims.storageClassName(claim);
        if (className.isEmpty()) {
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
