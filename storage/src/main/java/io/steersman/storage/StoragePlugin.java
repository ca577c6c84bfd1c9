package io.steersman.storage;

import io.steersman.api.client.Client;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.PluginService;
import io.steersman.api.controller.Request;
import io.steersman.api.model.core.ObjectReference;
import io.steersman.api.model.core.PersistentVolume;
import io.steersman.api.model.core.PersistentVolumeClaim;
import io.steersman.api.model.core.PersistentVolumeClaims;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PersistentVolume controller and its helpers, found through {@link java.util.ServiceLoader}:
 * <ul>
 *   <li>{@code persistentvolume-controller} ({@link ClaimReconciler}): woken by its claim, by
 *       a volume that names it or becomes free (any unbound claim may now fit), by a StorageClass
 *       change (unbound claims) and by the pods that use it (WaitForFirstConsumer);</li>
 *   <li>{@code persistentvolume-controller-volumes} ({@link VolumeReconciler}): woken by its volume
 *       and by the claims that point at it;</li>
 *   <li>{@code pvc-protection} and {@code pv-protection}: the {@code kubernetes.io/pvc-protection}
 *       and {@code kubernetes.io/pv-protection} finalizers;</li>
 *   <li>the service {@link DefaultStorageClass}: a default class for a new cluster.</li>
 * </ul>
 * The claim controller carries upstream's name, so its events (most of them, on claims) show
 * {@code From: persistentvolume-controller} in {@code kubectl describe}.
 */
public final class StoragePlugin implements ControllerPlugin {

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(
                ControllerSpec.builder("persistentvolume-controller", PersistentVolumeClaim.class, ClaimReconciler.class)
                        .watches(PersistentVolume.class, StoragePlugin::claimsOfVolume)
                        .watches(StorageClass.class, StoragePlugin::unboundClaims)
                        .watches(Pod.class, StoragePlugin::claimsOfPod)
                        .build(),
                ControllerSpec.builder("persistentvolume-controller-volumes", PersistentVolume.class, VolumeReconciler.class)
                        .watches(PersistentVolumeClaim.class, StoragePlugin::volumesOfClaim)
                        .build(),
                ControllerSpec.builder("pvc-protection", PersistentVolumeClaim.class, ClaimProtection.class)
                        .watches(Pod.class, StoragePlugin::claimsOfPod)
                        .build(),
                ControllerSpec.builder("pv-protection", PersistentVolume.class, VolumeProtection.class)
                        .build());
    }

    @Override
    public List<Class<? extends PluginService>> services() {
        return List.of(DefaultStorageClass.class);
    }

    /** The claim a volume's claimRef names; for a volume with no claim, every unbound claim (one may fit it now). */
    static Collection<Request> claimsOfVolume(PersistentVolume volume, Client cache) {
        ObjectReference ref = volume.spec().claimRef();
        if (ref != null && ref.name() != null) {
            return List.of(new Request(ref.namespace(), ref.name()));
        }
        return unboundClaims(cache);
    }

    static Collection<Request> unboundClaims(StorageClass changed, Client cache) {
        return unboundClaims(cache);
    }

    private static Collection<Request> unboundClaims(Client cache) {
        List<Request> requests = new ArrayList<>();
        for (PersistentVolumeClaim claim : cache.list(PersistentVolumeClaim.class, null)) {
            if (!claim.metadata().annotations().containsKey(Annotations.BIND_COMPLETED)) {
                requests.add(Request.of(claim));
            }
        }
        return requests;
    }

    /** The claims a pod's volumes name, in the pod's namespace. */
    static Collection<Request> claimsOfPod(Pod pod, Client cache) {
        List<Request> requests = new ArrayList<>();
        for (String claimName : PersistentVolumeClaims.claimNames(pod)) {
            requests.add(new Request(pod.namespace(), claimName));
        }
        return requests;
    }

    /** The volume a claim names and every volume whose claimRef names the claim. */
    static Collection<Request> volumesOfClaim(PersistentVolumeClaim claim, Client cache) {
        Set<Request> requests = new LinkedHashSet<>();
        String volumeName = claim.spec().volumeName();
        if (volumeName != null && !volumeName.isEmpty()) {
            requests.add(new Request(null, volumeName));
        }
        for (PersistentVolume volume : cache.list(PersistentVolume.class, null)) {
            ObjectReference ref = volume.spec().claimRef();
            if (ref != null && claim.name().equals(ref.name()) && claim.namespace().equals(ref.namespace())) {
                requests.add(Request.of(volume));
            }
        }
        return requests;
    }
}
