package io.steersman.controller.deployment;

import io.steersman.api.client.Client;
import io.steersman.api.controller.ControllerPlugin;
import io.steersman.api.controller.ControllerSpec;
import io.steersman.api.controller.Request;
import io.steersman.api.model.OwnerReference;
import io.steersman.api.model.apps.Deployment;
import io.steersman.api.model.apps.ReplicaSet;
import io.steersman.api.model.core.Pod;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.LabelSelector;
import io.steersman.api.selector.Selector;
import java.util.ArrayList;
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
        Optional<OwnerReference> ref = pod.metadata().controllerRef();
        if (ref.isPresent()) {
            return ReplicaSet.KIND.equals(ref.get().kind()) ? List.of(new Request(pod.namespace(), ref.get().name())) : List.of();
        }
        return matching(ReplicaSet.class, pod, cache, rs -> rs.spec().selector());
    }

    /** The Deployment that controls a ReplicaSet, or for an orphan every Deployment whose selector matches it. */
    static Collection<Request> deploymentsOf(ReplicaSet rs, Client cache) {
        Optional<OwnerReference> ref = rs.metadata().controllerRef();
        if (ref.isPresent()) {
            return Deployment.KIND.equals(ref.get().kind()) ? List.of(new Request(rs.namespace(), ref.get().name())) : List.of();
        }
        return matching(Deployment.class, rs, cache, d -> d.spec().selector());
    }

    private static <T extends ApiObject> Collection<Request> matching(Class<T> kind, ApiObject orphan, Client cache,
            java.util.function.Function<T, LabelSelector> selectorOf) {
        if (orphan.metadata().isBeingDeleted()) {
            return List.of();
        }
        List<Request> requests = new ArrayList<>();
        for (T owner : cache.list(kind, orphan.namespace())) {
            LabelSelector selector = selectorOf.apply(owner);
            try {
                Selector parsed = Selector.from(selector);
                if (!parsed.isEverything() && parsed.matches(orphan.metadata().labels())) {
                    requests.add(Request.of(owner));
                }
            } catch (RuntimeException invalid) {
                // an owner with an invalid selector adopts nothing
            }
        }
        return requests;
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
