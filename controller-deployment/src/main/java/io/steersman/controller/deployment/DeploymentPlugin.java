package io.steersman.controller.deployment;

import io.steersman.api.client.Client;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.Owners;
import io.steersman.api.controller.Request;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.core.Pod;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The ReplicaSet and Deployment controllers, found through {@link java.util.ServiceLoader}. The
 * ReplicaSet controller is woken by its pods and by orphan pods its selector matches; the
 * Deployment controller by its ReplicaSets and matching orphans and, as upstream, by pods only
 * for Recreate, which waits until the old ones are gone.
 */
public final class DeploymentPlugin implements ControllerPlugin {

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public List<ControllerSpec<?>> controllers() {
        return List.of(
                ControllerSpec.builder("replicaset", ReplicaSet.class, ReplicaSetReconciler.class)
                        .watches(Pod.class, DeploymentPlugin::replicaSetsOf)
                        .workers(2)
                        .build(),
                ControllerSpec.builder("deployment", Deployment.class, DeploymentReconciler.class)
                        .watches(ReplicaSet.class, DeploymentPlugin::deploymentsOf)
                        .watches(Pod.class, DeploymentPlugin::recreateDeploymentOf)
                        .workers(2)
                        .build());
    }

    /**
     * The ReplicaSet that controls a pod, or for an orphan every ReplicaSet whose selector matches
     * it (so one of them adopts it), as upstream's pod event handlers.
     */
    static Collection<Request> replicaSetsOf(Pod pod, Client cache) {
        return Owners.controllerOrSelecting(pod, ReplicaSet.KIND, ReplicaSet.class, rs -> rs.spec().selector(), cache);
    }

    /** The Deployment that controls a ReplicaSet, or for an orphan every Deployment whose selector matches it. */
    static Collection<Request> deploymentsOf(ReplicaSet rs, Client cache) {
        return Owners.controllerOrSelecting(rs, Deployment.KIND, Deployment.class, d -> d.spec().selector(), cache);
    }

    /** A pod's Deployment (through its controlling ReplicaSet) when that Deployment uses Recreate. */
    static Collection<Request> recreateDeploymentOf(Pod pod, Client cache) {
        Optional<OwnerReference> rsRef = pod.metadata().controllerRef();
        if (rsRef.isEmpty() || !ReplicaSet.KIND.equals(rsRef.get().kind())) {
            return List.of();
        }
        Optional<ReplicaSet> rs = cache.get(ReplicaSet.class, pod.namespace(), rsRef.get().name());
        if (rs.isEmpty() || !rs.get().uid().equals(rsRef.get().uid())) {
            return List.of();
        }
        Optional<OwnerReference> dRef = rs.get().metadata().controllerRef();
        if (dRef.isEmpty() || !Deployment.KIND.equals(dRef.get().kind())) {
            return List.of();
        }
        Optional<Deployment> d = cache.get(Deployment.class, pod.namespace(), dRef.get().name());
        if (d.isEmpty() || !d.get().uid().equals(dRef.get().uid()) || !ReplicaSets.isRecreate(d.get())) {
            return List.of();
        }
        return List.of(Request.of(d.get()));
    }
}
